"""The self-check page's application with the bundled ruleset, and a way to upload to it."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from ipr_rules.model.ruleset import Ruleset
from ipr_rules.serve.app import close_app, create_app
from ipr_rules.serve.settings import ServeSettings

from ..conftest import REPO

SAMPLE = REPO / "reports" / "2020" / "区市场监管局.yaml"  # a report with findings
Upload = Callable[..., TestResponse]


def make_app(ruleset: Ruleset, **settings: object) -> Iterator[Flask]:
    app = create_app(ruleset, ServeSettings(**settings))  # type: ignore[arg-type]
    try:
        yield app
    finally:
        close_app(app)


@pytest.fixture
def app(ruleset: Ruleset) -> Iterator[Flask]:
    yield from make_app(ruleset)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def upload_to(client: FlaskClient) -> Upload:
    def send(data: bytes, name: str = "区市场监管局.yaml", unit: str | None = "区市场监管局") -> TestResponse:
        form: dict[str, object] = {"report": (io.BytesIO(data), name)}
        if unit is not None:
            form["unit"] = unit
        return client.post("/check", data=form, content_type="multipart/form-data")

    return send


@pytest.fixture
def upload(client: FlaskClient) -> Upload:
    return upload_to(client)
