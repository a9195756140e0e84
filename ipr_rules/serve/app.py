"""The Flask application of the self-check page: routes, limits, and answers that never
show a traceback.

The ruleset is loaded once by the caller and shared read-only by every request; each upload is
checked in a worker thread with a time limit, and the result page is the HTML report.
"""

from __future__ import annotations

import io
import json
import logging
import os
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as CheckTimeout
from pathlib import Path
from typing import IO, Any

from flask import Flask, Request, Response, g, request, send_file, url_for
from werkzeug.exceptions import HTTPException

from ipr_rules.errors import UsageError
from ipr_rules.i18n import Text
from ipr_rules.loading.limits import Limits, ReadLimits
from ipr_rules.model.ruleset import Ruleset, Unit
from ipr_rules.records import record
from ipr_rules.render import render_whole
from ipr_rules.render.html import render as render_html
from ipr_rules.render.safe_text import one_line
from ipr_rules.result import CheckResult
from ipr_rules.serve import messages
from ipr_rules.serve.keep import keep_upload
from ipr_rules.serve.pages import (
    HEADER_POLICY,
    KEPT_NOTE,
    NOT_KEPT_NOTE,
    OTHER_UNIT,
    Links,
    error_page,
    result_banner,
    start_page,
)
from ipr_rules.serve.results import ResultStore, new_token
from ipr_rules.serve.settings import ServeSettings
from ipr_rules.serve.templates import TEMPLATE_FORMATS
from ipr_rules.serve.upload import ACCEPTED, accepted_suffix, check_upload, shown_name

LOG = logging.getLogger("ipr_rules.serve")
# The formats a result can be downloaded in, and what the file is called.
DOWNLOADS: dict[str, Text] = {
    "html": Text("{unit}-自查结果.html", "{unit}-self-check.html"),
    "xlsx": Text("{unit}-自查结果.xlsx", "{unit}-self-check.xlsx"),
}
# A text type gets its `; charset=utf-8` from Flask's send_file: named here, it would be said twice.
MEDIA_TYPES = {
    "html": "text/html",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
HEADERS = {
    "Content-Security-Policy": HEADER_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class MemoryRequest(Request):
    """Uploaded files are held in memory (within the size limit), never spooled to disk."""

    def _get_file_stream(
        self,
        total_content_length: int | None,
        content_type: str | None,
        filename: str | None = None,
        content_length: int | None = None,
    ) -> IO[bytes]:
        return io.BytesIO()


def create_app(ruleset: Ruleset, settings: ServeSettings | None = None) -> Flask:
    settings = settings or ServeSettings()
    app = Flask(__name__, static_folder=None)
    app.request_class = MemoryRequest
    app.config.update(MAX_CONTENT_LENGTH=settings.max_request_bytes, MAX_FORM_PARTS=16)
    lang = settings.lang
    limits = ReadLimits(settings.max_upload_bytes, Limits(max_nodes=settings.max_nodes))
    store = ResultStore(settings.results_seconds, settings.results_held)
    workers = ThreadPoolExecutor(settings.threads, thread_name_prefix="ipr-check")
    app.extensions["ipr_check"] = {"results": store, "workers": workers}
    facts = {
        "limit": settings.limit_text,
        "seconds": f"{settings.check_seconds:g}",
        "suffixes": " ".join(ACCEPTED),
        "minutes": f"{settings.results_seconds / 60:g}",
        "name": "",
        "unit": "",
        "status": 0,
    }

    def answer(status: int, message: Text | None = None, **args: Any) -> Response:
        text = (message or messages.STATUS.get(status, messages.FALLBACK)).render(
            lang, **{**facts, "status": status, **args}
        )
        page = error_page(status, text, url_for("start"), lang)
        return Response(page, status=status, content_type="text/html; charset=utf-8")

    def links() -> Links:
        return Links(url_for("check"), lambda unit, key: url_for("template", unit_name=unit.name, key=key))

    @app.before_request
    def started() -> None:
        g.started = time.perf_counter()

    @app.after_request
    def headers(response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        elapsed = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
        LOG.info(
            "%s %s %s %d %.0f ms",
            request.remote_addr,
            request.method,
            one_line(request.path),
            response.status_code,
            elapsed,
        )
        return response

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        return answer(error.code or 500)

    @app.errorhandler(Exception)
    def crash(error: Exception) -> Response:
        LOG.error("%s %s failed", request.method, one_line(request.path), exc_info=error)
        return answer(500)

    @app.get("/")
    def start() -> Response:
        page = start_page(
            ruleset, links(), lang, limit=settings.limit_text, suffixes=ACCEPTED, kept=settings.keep is not None
        )
        return Response(page, content_type="text/html; charset=utf-8")

    @app.get("/healthz")
    def healthz() -> Response:
        body = {
            "status": "ok",
            "ruleset": {"year": ruleset.year, "tasks": len(ruleset.tasks), "units": len(ruleset.registry.units)},
            "results_held": len(store),
        }
        return Response(json.dumps(body, ensure_ascii=False), content_type="application/json")

    @app.get("/report.schema.json")
    def schema() -> Response:
        from ipr_rules.schema_export import schema_text

        return Response(schema_text(), content_type="application/schema+json; charset=utf-8")

    @app.get("/template/<unit_name>/<key>")
    def template(unit_name: str, key: str) -> Response:
        unit = ruleset.registry.lookup(unit_name)
        form = TEMPLATE_FORMATS.get(key)
        if unit is None or form is None:
            return answer(404)
        data = form.build(ruleset, unit, lang, url_for("schema", _external=True))
        return _attachment(data, form.file_name(unit), form.media_type)

    @app.post("/check")
    def check() -> Response:
        chosen = (request.form.get("unit") or "").strip()
        unit = ruleset.registry.lookup(chosen) if chosen else None
        if chosen and unit is None:
            return answer(400, messages.UNKNOWN_UNIT, unit=chosen)
        # The form's file field; a client that named it otherwise still has its one file read.
        upload = request.files.get("report") or next(iter(request.files.values()), None)
        if upload is None or not upload.filename:
            return answer(400, messages.NO_FILE)
        name = shown_name(upload.filename)
        suffix = accepted_suffix(upload.filename)
        if suffix is None:
            return answer(415, messages.WRONG_TYPE, name=name)
        data = upload.stream.read(settings.max_upload_bytes + 1)
        if len(data) > settings.max_upload_bytes:
            return answer(413)
        token = new_token()
        downloads = {key: url_for("download", token=token, key=key) for key in DOWNLOADS}
        upload_job = UploadJob(data, name, suffix, unit, url_for("start"), downloads)
        job = workers.submit(_result_page, upload_job, ruleset, limits, settings)
        try:
            result, page, unit_name = job.result(timeout=settings.check_seconds)
        except CheckTimeout:
            LOG.warning("checking an upload (%s) took over %g s", chosen or "no unit chosen", settings.check_seconds)
            return answer(503)
        store.put(result, unit_name or os.path.splitext(name)[0], token)
        return Response(page, content_type="text/html; charset=utf-8")

    @app.get("/download/<token>/<key>")
    def download(token: str, key: str) -> Response:
        held = store.get(token)
        if key not in DOWNLOADS:
            return answer(404)
        if held is None:
            return answer(404, messages.EXPIRED)
        data = render_whole(key, held.result, lang)
        return _attachment(data, DOWNLOADS[key].render(lang, unit=held.unit), MEDIA_TYPES[key])

    return app


def _attachment(data: str | bytes, file_name: str, media_type: str) -> Response:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    return send_file(io.BytesIO(payload), mimetype=media_type, as_attachment=True, download_name=file_name, max_age=0)


@record
class UploadJob:
    data: bytes
    name: str
    suffix: str
    # The unit chosen on the form; None when the client sent none (the report names it).
    chosen: Unit | None
    home: str
    downloads: dict[str, str]


def _result_page(
    job: UploadJob, ruleset: Ruleset, limits: ReadLimits, settings: ServeSettings
) -> tuple[CheckResult, str, str | None]:
    """Check an upload, keep it when asked, and make its page: all within one check's time limit.
    Returns the result, the page, and the unit it was for."""
    lang = settings.lang
    # Checks run side by side: each run builds its own requirement validators and other data
    # derived from the ruleset (`ipr_rules.derived`), so that no two threads share one.
    result = check_upload(job.data, job.name, ruleset, limits)
    written = sorted({report.unit for report in result.reports if report.known and report.unit})
    notes = []
    if job.chosen is not None and [other for other in written if other != job.chosen.name]:
        notes.append(OTHER_UNIT.render(lang, chosen=job.chosen.name, written="、".join(written)))
    unit = job.chosen.name if job.chosen is not None else (written[0] if len(written) == 1 else None)
    if settings.keep is not None:
        notes.append(_keep(settings.keep, unit, job.suffix, job.data).render(lang))
    banner = result_banner(job.home, job.downloads, notes, lang)
    page = "".join(render_html(result, lang, banner=banner))
    return result, page, unit


def _keep(folder: Path, unit: str | None, suffix: str, data: bytes) -> Text:
    if unit is None:
        LOG.error("could not keep an upload: no unit was chosen and the report names no single unit")
        return NOT_KEPT_NOTE
    try:
        kept = keep_upload(folder, unit, suffix, data)
    except (OSError, UsageError) as error:
        LOG.error("could not keep the upload for %s in %s: %s", unit, folder, error)
        return NOT_KEPT_NOTE
    LOG.info("kept the upload for %s as %s", unit, kept)
    return KEPT_NOTE


def close_app(app: Flask) -> None:
    """Stop the check workers (they finish what they are doing)."""
    workers: ThreadPoolExecutor = app.extensions["ipr_check"]["workers"]
    workers.shutdown(wait=False, cancel_futures=True)
