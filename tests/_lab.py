"""Starting and stopping a ``jupyter lab`` server for the tests (shared by the JupyterLab and browser tests).

Imported as a plain module (pytest puts ``tests/`` on ``sys.path``).  The server
listens on a free loopback port with a random token, keeps its files in a
temporary folder (not ``$HOME``), ignores the user's Jupyter configuration, and
is always stopped: its whole process group when it was started in a new session
(``make lab`` runs jupyter as make's child).
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

HOST = "127.0.0.1"
START_TIMEOUT = 120.0  # seconds; a cold start on a busy 2-core machine takes ~5-15 s


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def new_token() -> str:
    return secrets.token_hex(16)


def jupyter_env(tmp: Path) -> dict:
    """This process's environment with Jupyter's folders in ``tmp`` and no preset token."""
    env = dict(os.environ)
    for var, sub in (("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTER_DATA_DIR", "data"),
                     ("JUPYTER_CONFIG_DIR", "config"), ("JUPYTERLAB_SETTINGS_DIR", "settings"),
                     ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"), ("IPYTHONDIR", "ipython")):
        env[var] = str(tmp / sub)
    env.pop("JUPYTER_TOKEN", None)
    return env


def server_args(port: int, token: str) -> list[str]:
    """``jupyter lab`` options: loopback, this port only, this token, no update or news checks."""
    args = ["--no-browser", f"--ServerApp.ip={HOST}", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
            f"--ServerApp.token={token}", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.news_url=None"]
    return args


def lab_command(root_dir: Path, port: int, token: str) -> list[str]:
    """This interpreter's ``jupyter lab`` serving ``root_dir``."""
    cmd = [sys.executable, "-m", "jupyterlab", *server_args(port, token), f"--ServerApp.root_dir={root_dir}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    return cmd


@contextmanager
def running_server(cmd: list[str], env: dict, cwd: Path, port: int, token: str, log_path: Path,
                   new_session: bool = False):
    """Start ``cmd``, wait (bounded) until ``/api/status`` answers, yield the base url; always stop it."""
    log = open(log_path, "w+b")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=str(cwd),
                            start_new_session=new_session)
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                if requests.get(f"{base}/api/status", headers={"Authorization": f"token {token}"},
                                timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"{' '.join(cmd[:4])} did not serve within {START_TIMEOUT:.0f} s "
                            f"(exit code {proc.poll()}):\n{log.read().decode(errors='replace')[-3000:]}")
            time.sleep(0.5)
        yield base
    finally:
        _stop(proc, new_session)
        log.close()


def _stop(proc: subprocess.Popen, group: bool) -> None:
    """Stop the server this module started (its process group when it has its own session)."""
    def send(sig):
        try:
            os.killpg(proc.pid, sig) if group else proc.send_signal(sig)
        except ProcessLookupError:
            pass

    send(signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        send(signal.SIGKILL)
        proc.wait(timeout=10)
