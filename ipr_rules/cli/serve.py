"""`ipr-check serve`: start the self-check page (SPEC §9). The web code lives in ipr_rules.serve."""

from __future__ import annotations

import errno
import sys
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ipr_rules.cli.app import exemptions_option, lang_option, main, open_ruleset_with_exemptions, ruleset_option
from ipr_rules.cli.output import echo
from ipr_rules.i18n import Lang, Text
from ipr_rules.loading.limits import MEGABYTE

if TYPE_CHECKING:
    from ipr_rules.model.ruleset import Ruleset
    from ipr_rules.serve.settings import ServeSettings

NEEDS_EXTRA = Text(
    '自查页面需要另外安装 Flask 和 waitress，请运行：pip install "ipr-check[serve]"（在源代码目录中：pip install ".[serve]"）',
    'the self-check page needs Flask and waitress: pip install "ipr-check[serve]" (from the source folder: pip install ".[serve]")',
)
NO_LOGIN = Text(
    "警告：自查页面没有登录功能，能访问 {host} 的任何人都能打开它、上传文件。请只在单位内网中使用。",
    "warning: the self-check page has no login; anyone who can reach {host} can open it and upload files. Use it on the office network only.",
)
# The address last on its line, so that a script can take it from the output.
LISTENING = Text("自查页面已启动（按 Ctrl+C 停止）：{url}", "the self-check page is running (Ctrl+C stops it): {url}")
STOPPED = Text("自查页面已停止。", "the self-check page has stopped.")
CANNOT_LISTEN = Text("无法在 {host}:{port} 上启动：{reason}", "cannot listen on {host}:{port}: {reason}")
NO_KEEP = Text("无法使用保存目录 {path}：{reason}", "cannot use the folder {path} to keep uploads: {reason}")
# The operating system's own words for these are English; the usual ones are said here.
PORT_IN_USE = Text("端口已被占用，请用 --port 换一个端口", "the port is in use; choose another with --port")
NO_SUCH_ADDRESS = Text(
    "本机没有这个地址，请用 --host 指定本机的 IP 地址（如 0.0.0.0 表示全部地址）",
    "this machine has no such address; name one of its IP addresses with --host (0.0.0.0: all of them)",
)
PORT_FORBIDDEN = Text(
    "没有权限使用该端口（1024 以下的端口需要管理员权限）",
    "not allowed to use this port (ports below 1024 need administrator rights)",
)
NOT_A_FOLDER = Text("路径中有同名的文件，不是目录", "a file stands where a folder should be")
NO_WRITE = Text("没有写入权限", "no permission to write there")
LISTEN_REASONS = {
    errno.EADDRINUSE: PORT_IN_USE,
    errno.EADDRNOTAVAIL: NO_SUCH_ADDRESS,
    errno.EACCES: PORT_FORBIDDEN,
    errno.EPERM: PORT_FORBIDDEN,
}
KEEP_REASONS = {errno.EEXIST: NOT_A_FOLDER, errno.ENOTDIR: NOT_A_FOLDER, errno.EACCES: NO_WRITE, errno.EPERM: NO_WRITE}


def missing_extra() -> list[str]:
    return [name for name in ("flask", "waitress") if find_spec(name) is None]


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址 / the address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="端口（0 为自动选择） / port (0: any free one).",
)
@ruleset_option
@exemptions_option
@click.option(
    "--max-upload-size",
    type=click.FloatRange(min=0.001, max=1024),
    default=10.0,
    show_default=True,
    help="上传文件大小上限（MB） / the largest upload, in MB.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=1, max=3600),
    default=30.0,
    show_default=True,
    help="单次检查和连接静默的时间上限（秒），接收一个请求的上限为其 4 倍 / seconds a check or a silent connection may take; a request may take 4 times as long to arrive.",
)
@click.option(
    "--threads", type=click.IntRange(1, 64), default=8, show_default=True, help="工作线程数 / worker threads."
)
@click.option(
    "--keep",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="保存上传文件的目录（默认不保存） / keep uploads in this folder (default: keep nothing).",
)
@lang_option
def serve_command(
    host: str,
    port: int,
    ruleset_dir: Path | None,
    exemptions_file: Path | None,
    max_upload_size: float,
    timeout: float,
    threads: int,
    keep: Path | None,
    lang: Lang,
) -> None:
    """启动自查网页：成员单位下载模板、上传报告、查看问题。 Serve the self-check page."""
    if missing_extra():
        echo(NEEDS_EXTRA.render(lang), err=True)
        sys.exit(2)
    from ipr_rules.serve.settings import ServeSettings, is_loopback

    ruleset = open_ruleset_with_exemptions(ruleset_dir, exemptions_file, lang)
    if keep is not None:
        try:
            keep.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            echo(NO_KEEP.render(lang, path=str(keep), reason=_reason(error, KEEP_REASONS, lang)), err=True)
            sys.exit(2)
    settings = ServeSettings(
        host=host,
        port=port,
        max_upload_bytes=int(max_upload_size * MEGABYTE),
        check_seconds=timeout,
        idle_seconds=max(1, round(timeout)),
        request_seconds=4 * timeout,
        threads=threads,
        keep=keep,
        lang=lang,
    )
    if not is_loopback(host):
        echo(NO_LOGIN.render(lang, host=host), err=True)
    from ipr_rules.collector import resume as resume_collector

    resume_collector()  # a server runs for days: its garbage is collected
    _serve(ruleset, settings, lang)


def _serve(ruleset: Ruleset, settings: ServeSettings, lang: Lang) -> None:
    import logging
    import signal
    import threading

    from ipr_rules.serve.app import close_app, create_app
    from ipr_rules.serve.server import addresses, make_server, run_server, url_of

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = create_app(ruleset, settings)
    try:
        server = make_server(app, settings)
    except OSError as error:
        close_app(app)
        echo(
            CANNOT_LISTEN.render(
                lang, host=settings.host, port=settings.port, reason=_reason(error, LISTEN_REASONS, lang)
            ),
            err=True,
        )
        sys.exit(2)
    for host, port in addresses(server):
        echo(LISTENING.render(lang, url=url_of(host, port)))
    sys.stdout.flush()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop)
    run_server(server, on_stop=lambda: close_app(app))
    echo(STOPPED.render(lang), err=True)


def _reason(error: OSError, known: dict[int, Text], lang: Lang) -> str:
    """Why the system refused, in the user's language when it is a usual refusal."""
    said = known.get(error.errno) if error.errno is not None else None
    return said.render(lang) if said is not None else error.strerror or str(error)


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(0)
