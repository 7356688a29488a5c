"""JupyterLab serves the repository's notebooks and runs the package in a kernel.

The tests start ``jupyter lab`` (``_lab``) headless on a free loopback port with a random
token, waits (bounded) until its REST API answers, checks that the numbered
notebooks are listed under ``/api/contents/notebooks``, starts a ``python3``
kernel through ``/api/kernels``, executes a cell over the kernel's websocket
(``websocket-client``, a dependency of ``jupyter_server``) and checks what the
cell printed: the kernel runs the same interpreter and imports this
repository's ``diplo_analysis``.  The server is always shut down.  A last
test starts ``make lab`` and checks that its kernels read the corpus.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
import uuid
from pathlib import Path

import pytest

requests = pytest.importorskip("requests", reason="requests is needed to talk to the Jupyter server")
websocket = pytest.importorskip("websocket", reason="websocket-client (a jupyter_server dependency) is needed")
pytest.importorskip("jupyterlab", reason="jupyterlab is not installed in this environment")

from diplo_analysis.config import repo_root  # noqa: E402

from _lab import free_port, jupyter_env, lab_command, new_token, running_server, server_args  # noqa: E402

EXEC_TIMEOUT = 60.0

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A running ``jupyter lab`` server on the repository: yields (base_url, token); always stopped."""
    tmp = tmp_path_factory.mktemp("jupyterlab")
    port, token = free_port(), new_token()
    with running_server(lab_command(repo_root(), port, token), jupyter_env(tmp), tmp, port, token,
                        tmp / "server.log") as base:
        yield base, token


def _api(lab, method, path, **kw):
    base, token = lab
    headers = {"Authorization": f"token {token}"}
    return requests.request(method, f"{base}{path}", headers=headers, timeout=30, **kw)


def test_server_refuses_requests_without_token(lab):
    base, _ = lab
    r = requests.get(f"{base}/api/contents/notebooks", timeout=10)
    assert r.status_code == 403


def test_notebooks_are_listed(lab):
    r = _api(lab, "GET", "/api/contents/notebooks")
    assert r.status_code == 200, r.text
    names = {item["name"] for item in r.json()["content"] if item["type"] == "notebook"}
    expected = {p.name for p in (repo_root() / "notebooks").glob("*.ipynb")}
    assert expected, "the repository has no notebooks"
    assert names == expected
    assert "01_corpus.ipynb" in names
    # a notebook is served as JSON with a python3 kernelspec
    nb = _api(lab, "GET", "/api/contents/notebooks/01_corpus.ipynb").json()
    assert nb["type"] == "notebook"
    assert nb["content"]["metadata"]["kernelspec"]["name"] == "python3"


def _execute(lab, kernel_id: str, code: str) -> tuple[str, str, list[str]]:
    """Run ``code`` in the kernel over its websocket; return (status, stdout, errors)."""
    base, token = lab
    ws_url = base.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels"
    ws = websocket.create_connection(ws_url, header=[f"Authorization: token {token}"], timeout=EXEC_TIMEOUT)
    try:
        msg_id = uuid.uuid4().hex
        ws.send(json.dumps({
            "header": {"msg_id": msg_id, "username": "test", "session": uuid.uuid4().hex,
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": False,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
        }))
        stdout, errors, status, idle = [], [], None, False
        deadline = time.monotonic() + EXEC_TIMEOUT
        while status is None or not idle:
            if time.monotonic() > deadline:
                raise TimeoutError("the kernel did not finish executing the cell")
            msg = json.loads(ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["header"]["msg_type"]
            if kind == "stream" and msg["content"]["name"] == "stdout":
                stdout.append(msg["content"]["text"])
            elif kind == "error":
                errors.append(f'{msg["content"]["ename"]}: {msg["content"]["evalue"]}')
            elif kind == "execute_reply":
                status = msg["content"]["status"]
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                idle = True
        return status, "".join(stdout), errors
    finally:
        ws.close()


def test_kernel_runs_the_package(lab):
    r = _api(lab, "POST", "/api/kernels", json={"name": "python3"})
    assert r.status_code == 201, r.text
    kernel_id = r.json()["id"]
    try:
        code = (
            "import sys, diplo_analysis\n"
            "from diplo_analysis.config import repo_root\n"
            "print(sys.prefix)\n"
            "print(repo_root())\n"
            "print(sorted(p.name for p in (repo_root() / 'notebooks').glob('0*.ipynb'))[0])\n"
            "print(6 * 7)\n"
        )
        status, out, errors = _execute(lab, kernel_id, code)
        assert status == "ok", errors
        lines = out.splitlines()
        assert lines[0] == sys.prefix  # the kernel is this environment's interpreter
        assert Path(lines[1]) == repo_root()  # and imports this repository's package
        assert lines[2] == "01_corpus.ipynb"
        assert lines[3] == "42"
        # an error in a cell is reported as an error, not swallowed
        status, _, errors = _execute(lab, kernel_id, "raise ValueError('boom')")
        assert status == "error"
        assert errors == ["ValueError: boom"]
    finally:
        d = _api(lab, "DELETE", f"/api/kernels/{kernel_id}")
        assert d.status_code == 204
    assert kernel_id not in {k["id"] for k in _api(lab, "GET", "/api/kernels").json()}


# --------------------------------------------------------------------------- make lab
def test_make_lab_serves_the_notebooks_with_the_corpus(tmp_path):
    """``make lab`` starts JupyterLab on notebooks/ whose kernels read the corpus beside the repository.

    Run with this interpreter's environment as the Makefile's VENV (its setup
    step is not re-run: ``-o``), without ``$DIPLO_ANALYSIS_DATA``, so that the
    Makefile's own default (``../shared/corpus``) is what the kernel sees.
    """
    root = repo_root()
    corpus = root.parent / "shared" / "corpus"
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    if not (corpus / "SOURCES.md").is_file():
        pytest.skip(f"no corpus at {corpus}: make lab's default would leave DIPLO_ANALYSIS_DATA unset")
    if not (Path(sys.prefix) / "bin" / "jupyter").is_file():
        pytest.skip(f"no jupyter in {sys.prefix}/bin (make lab runs $(VENV)/bin/jupyter)")
    port, token = free_port(), new_token()
    env = {k: v for k, v in jupyter_env(tmp_path).items() if k not in ("DIPLO_ANALYSIS_DATA", "MAKEFLAGS")}
    cmd = ["make", "-C", str(root), "--no-print-directory", "-o", f"{sys.prefix}/.installed", "lab",
           f"VENV={sys.prefix}", f"LAB_ARGS={' '.join(server_args(port, token))}"]
    with running_server(cmd, env, tmp_path, port, token, tmp_path / "make-lab.log", new_session=True) as base:
        lab = (base, token)
        listing = _api(lab, "GET", "/api/contents").json()  # the root is notebooks/
        assert {item["name"] for item in listing["content"]} >= {"01_corpus.ipynb", "02_call_frequency.ipynb"}
        kernel_id = _api(lab, "POST", "/api/kernels", json={"name": "python3"}).json()["id"]
        status, out, errors = _execute(lab, kernel_id, (
            "import os\nfrom diplo_analysis import config\n"
            "print(os.environ.get('DIPLO_ANALYSIS_DATA'))\nprint(len(config.data_paths()))\n"
            "print(os.environ.get('MPLBACKEND'))\n"))
        assert status == "ok", errors
        data, n_paths, backend = out.splitlines()
        assert Path(data).resolve() == corpus.resolve()
        assert n_paths == "2"  # data/raw and the corpus: not the sample alone
        assert backend in ("None", "module://matplotlib_inline.backend_inline")  # inline figures, not the Makefile's Agg
