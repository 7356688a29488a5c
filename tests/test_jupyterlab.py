"""JupyterLab serves the repository's notebooks and runs the package in a kernel.

The test starts ``jupyter lab`` headless on a free loopback port with a random
token, waits (bounded) until its REST API answers, checks that the numbered
notebooks are listed under ``/api/contents/notebooks``, starts a ``python3``
kernel through ``/api/kernels``, executes a cell over the kernel's websocket
(``websocket-client``, a dependency of ``jupyter_server``) and checks what the
cell printed: the kernel runs the same interpreter and imports this
repository's ``diplo_analysis``.  The server is always shut down.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

requests = pytest.importorskip("requests", reason="requests is needed to talk to the Jupyter server")
websocket = pytest.importorskip("websocket", reason="websocket-client (a jupyter_server dependency) is needed")
pytest.importorskip("jupyterlab", reason="jupyterlab is not installed in this environment")

from diplo_analysis.config import repo_root  # noqa: E402

HOST = "127.0.0.1"
START_TIMEOUT = 90.0  # seconds; a cold start on a busy 2-core machine takes ~5-15 s
EXEC_TIMEOUT = 60.0

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A running ``jupyter lab`` server: yields (base_url, token); always stopped."""
    root = repo_root()
    port = _free_port()
    token = secrets.token_hex(16)
    tmp = tmp_path_factory.mktemp("jupyterlab")
    env = dict(os.environ)
    # Keep the server's files (connection files, notebook signatures) out of $HOME and
    # ignore the user's Jupyter configuration (a password, another root_dir...).
    for var, sub in (("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTER_DATA_DIR", "data"),
                     ("JUPYTER_CONFIG_DIR", "config")):
        env[var] = str(tmp / sub)
    env.pop("JUPYTER_TOKEN", None)
    cmd = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser",
        f"--ServerApp.ip={HOST}",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.news_url=None",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log = open(tmp / "server.log", "w+b")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=str(tmp))
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if proc.poll() is not None:
                log.seek(0)
                pytest.fail(f"jupyter lab exited with {proc.returncode}:\n{log.read().decode(errors='replace')[-3000:]}")
            try:
                r = requests.get(f"{base}/api/status", headers={"Authorization": f"token {token}"}, timeout=2)
                if r.status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"jupyter lab did not answer within {START_TIMEOUT:.0f} s:\n"
                            f"{log.read().decode(errors='replace')[-3000:]}")
            time.sleep(0.5)
        yield base, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


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
