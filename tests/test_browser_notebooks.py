"""Every notebook runs in JupyterLab in a real browser, without error, and draws its figures.

What a user does, done by Chromium through JupyterLab's own interface:
``jupyter lab --no-browser`` serves a temporary copy of ``notebooks/`` (outputs
and execution counts cleared, so nothing shown was computed before) on a free
loopback port with a random token; Chromium (driven by Playwright, with a
fresh profile) opens each notebook, runs it with the menu **Run > Run All
Cells**, waits until every code cell has an execution count and the kernel is
idle, and saves it with **File > Save Notebook**.  The test then fails on

- an error in any output area (an ``error`` output in the saved notebook, or
  a traceback shown in the page), or a cell left unexecuted;
- fewer figures shown in the page (``img`` and ``svg`` outputs) than the
  notebook stored in the repository has.

Skipped, saying why, when Playwright (``pip install -e ".[browser]"``), a
Chromium executable (``$DIPLO_ANALYSIS_CHROMIUM``, else ``chromium``,
``chromium-browser``, ``google-chrome`` on PATH; ``apt-get install chromium``
on Debian) or the shared corpus (the stored figures were drawn with it) is
missing.  Playwright's own browser downloads are not used.  Marked
``browser`` and ``slow``: ``pytest -m "not browser"`` leaves it out.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from diplo_analysis.config import corpus_dir, repo_root

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HOST = "127.0.0.1"
START_TIMEOUT = 120.0  # seconds for jupyter lab to answer
OPEN_TIMEOUT = 120.0  # for a notebook to open with its kernel idle
RUN_TIMEOUT = 420.0  # for one notebook to run through (04 fits topic models)
START_RUN_TIMEOUT = 30.0  # for the first cell to be queued after Run All Cells
#: Chromium's flags: headless, and nothing that reaches for the network on its own.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
NOTEBOOKS = sorted(p.name for p in (repo_root() / "notebooks").glob("[0-9]*.ipynb"))
FIGURE_MIMES = ("image/png", "image/svg+xml", "image/jpeg")


def _chromium() -> str | None:
    """The Chromium executable: $DIPLO_ANALYSIS_CHROMIUM, else the first browser on PATH."""
    env = os.environ.get("DIPLO_ANALYSIS_CHROMIUM")
    if env:
        return env if Path(env).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _stored_figures(path: Path) -> int:
    """Figures among the stored outputs of a notebook."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    return sum(1 for cell in nb["cells"] for out in cell.get("outputs", [])
               if any(m in out.get("data", {}) for m in FIGURE_MIMES))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def chromium_path():
    pytest.importorskip("playwright.sync_api", reason='Playwright is not installed: pip install -e ".[browser]"')
    path = _chromium()
    if path is None:
        pytest.skip("no Chromium executable: set DIPLO_ANALYSIS_CHROMIUM or install one "
                    "(Debian: apt-get install chromium); Playwright's own browser downloads are not used")
    if corpus_dir() is None:
        pytest.skip("shared corpus not found (set DIPLO_ANALYSIS_CORPUS): the notebooks' stored figures need it")
    return path


@pytest.fixture(scope="module")
def lab(chromium_path, tmp_path_factory):
    """``jupyter lab`` on a cleared copy of the notebooks: yields (base_url, token, folder); always stopped."""
    import requests

    tmp = tmp_path_factory.mktemp("browser-lab")
    folder = tmp / "notebooks"
    folder.mkdir()
    for name in NOTEBOOKS:
        nb = json.loads((repo_root() / "notebooks" / name).read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                cell["outputs"], cell["execution_count"] = [], None
        (folder / name).write_text(json.dumps(nb, indent=1), encoding="utf-8")
    env = dict(os.environ)
    for var, sub in (("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTER_DATA_DIR", "data"),
                     ("JUPYTER_CONFIG_DIR", "config"), ("JUPYTERLAB_SETTINGS_DIR", "settings"),
                     ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"), ("IPYTHONDIR", "ipython")):
        env[var] = str(tmp / sub)
    # every cell in the page (no windowing), so that the page's outputs can all be counted
    tracker = tmp / "settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text(json.dumps({"windowingMode": "none"}), encoding="utf-8")
    news = tmp / "settings" / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    news.parent.mkdir(parents=True)
    news.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8")
    env.pop("JUPYTER_TOKEN", None)
    env.setdefault("DIPLO_ANALYSIS_DATA", str(corpus_dir()))
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    src = str(repo_root() / "src")
    env["PYTHONPATH"] = os.pathsep.join([src] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    port, token = _free_port(), secrets.token_hex(16)
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.ip={HOST}",
           f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--ServerApp.token={token}",
           f"--ServerApp.root_dir={folder}", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
           "--LabApp.news_url=None"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log = open(tmp / "server.log", "w+b")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=str(folder))
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if proc.poll() is not None:
                log.seek(0)
                pytest.fail(f"jupyter lab exited with {proc.returncode}:\n{log.read().decode(errors='replace')[-3000:]}")
            try:
                if requests.get(f"{base}/api/status", headers={"Authorization": f"token {token}"},
                                timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"jupyter lab did not answer within {START_TIMEOUT:.0f} s")
            time.sleep(0.5)
        yield base, token, folder
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def browser(chromium_path, lab, tmp_path_factory):
    """A Chromium context with a fresh profile, driven by Playwright; closed at the end."""
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000})
        try:
            yield context
        finally:
            context.close()


def _menu(page, menu: str, item: str) -> None:
    """Click a menu of JupyterLab's menu bar, then one of its items, by the labels a user reads."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(rf"^{re.escape(menu)}$")).click()
    label = page.locator(".lm-Menu-itemLabel", has_text=re.compile(rf"^{re.escape(item)}$"))
    page.locator(".lm-Menu-item", has=label).first.click()


def _state(page) -> dict:
    """What the open notebook shows: prompts, tracebacks, figures, the kernel's status."""
    return page.evaluate("""() => {
        const nb = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
        if (!nb) return null;
        const prompts = [...nb.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')].map(p => p.textContent.trim());
        const stderr = [...nb.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
            .map(o => o.textContent).filter(t => /Traceback/.test(t));
        const figures = nb.querySelectorAll(
            '.jp-OutputArea-output img, .jp-OutputArea-output svg.jp-RenderedSVG, .jp-RenderedSVG svg').length;
        const kernel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-KernelName');
        const bar = [...document.querySelectorAll('#jp-main-statusbar .jp-StatusBar-TextItem')]
            .map(e => e.textContent.trim()).find(t => / \\| \\S+$/.test(t) && !/^\\d/.test(t));
        return {prompts, tracebacks: stderr, figures, kernel: kernel ? kernel.textContent.trim() : null,
                status: bar ? bar.split(' | ').pop() : null};
    }""")


def _wait(page, done, timeout: float, what: str) -> dict:
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        state = _state(page)
        if state is not None and (state["tracebacks"] or done(state)):
            return state
        time.sleep(1.0)
    raise AssertionError(f"{what} within {timeout:.0f} s; the page shows {state}")


def _ready(state) -> bool:
    """The notebook is open and its kernel started and idle (the status bar reads "Python 3 (ipykernel) | Idle")."""
    return bool(state["prompts"]) and state["kernel"] not in (None, "No Kernel") and state["status"] == "Idle"


def _started(state) -> bool:
    return any(p != "[ ]:" for p in state["prompts"])


def _executed(state) -> bool:
    return all(re.fullmatch(r"\[\d+\]:", p) for p in state["prompts"]) and state["status"] == "Idle"


def _run_through_ui(browser, lab, name: str) -> tuple[dict, dict]:
    """Open ``name`` in JupyterLab, Run > Run All Cells, File > Save Notebook: (what the page showed, the saved file)."""
    base, token, folder = lab
    page = browser.new_page()
    try:
        page.goto(f"{base}/lab/tree/{name}?token={token}", timeout=OPEN_TIMEOUT * 1000)
        _wait(page, _ready, OPEN_TIMEOUT, f"{name} did not open with an idle kernel")
        _menu(page, "Run", "Run All Cells")
        _wait(page, _started, START_RUN_TIMEOUT, f"{name}: Run All Cells started no cell")
        state = _wait(page, _executed, RUN_TIMEOUT, f"{name} did not run through")
        before = (folder / name).stat().st_mtime_ns
        _menu(page, "File", "Save Notebook")
        deadline = time.monotonic() + 60
        while (folder / name).stat().st_mtime_ns == before and time.monotonic() < deadline:
            time.sleep(0.5)
        return state, json.loads((folder / name).read_text(encoding="utf-8"))
    finally:
        page.close()


def _errors(saved: dict) -> list[str]:
    return [f"{o['ename']}: {o['evalue']}" for c in saved["cells"] if c["cell_type"] == "code"
            for o in c["outputs"] if o["output_type"] == "error"]


def test_a_failing_cell_is_caught(browser, lab):
    """The checks below can fail: a notebook whose second cell raises shows a traceback and saves an error."""
    folder = lab[2]
    nb = {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": src}
                    for src in ("x = 6 * 7", "raise ValueError('boom')", "y = 1")],
          "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    (folder / "zz_fails.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    try:
        state, saved = _run_through_ui(browser, lab, "zz_fails.ipynb")
    finally:
        (folder / "zz_fails.ipynb").unlink()
    assert any("ValueError" in t and "boom" in t for t in state["tracebacks"])
    assert _errors(saved) == ["ValueError: boom"]
    assert saved["cells"][2]["execution_count"] is None  # Run All stops at the error
    assert state["figures"] == 0


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_in_jupyterlab(browser, lab, name):
    expected_figures = _stored_figures(repo_root() / "notebooks" / name)
    state, saved = _run_through_ui(browser, lab, name)
    assert not state["tracebacks"], f"{name}: a cell failed:\n" + "\n".join(state["tracebacks"])[:3000]
    assert not _errors(saved), f"{name}: {_errors(saved)}"
    code = [c for c in saved["cells"] if c["cell_type"] == "code"]
    assert all(c["execution_count"] for c in code), f"{name}: a cell was not executed"
    assert state["figures"] >= expected_figures, \
        f"{name}: {state['figures']} figures shown, the stored notebook has {expected_figures}"
    assert _stored_figures(lab[2] / name) == expected_figures
