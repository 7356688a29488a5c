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
import shutil
import time
from pathlib import Path

import pytest

from diplo_analysis.config import corpus_dir, repo_root

from _lab import free_port, jupyter_env, lab_command, new_token, running_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

OPEN_TIMEOUT = 180.0  # for a notebook to open with its kernel idle (a loaded 2-core machine)
RUN_TIMEOUT = 420.0  # for one notebook to run through (04 fits topic models)
START_RUN_TIMEOUT = 30.0  # for the first cell to be queued after Run All Cells
RUN_ALL_ATTEMPTS = 3
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
    tmp = tmp_path_factory.mktemp("browser-lab")
    folder = tmp / "notebooks"
    folder.mkdir()
    for name in NOTEBOOKS:
        nb = json.loads((repo_root() / "notebooks" / name).read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                cell["outputs"], cell["execution_count"] = [], None
        (folder / name).write_text(json.dumps(nb, indent=1), encoding="utf-8")
    env = jupyter_env(tmp)
    # every cell in the page (no windowing), so that all outputs can be counted; no news pop-up
    for plugin, settings in (("notebook-extension/tracker", {"windowingMode": "none"}),
                             ("apputils-extension/notification", {"fetchNews": "false", "checkForUpdates": False})):
        path = tmp / "settings" / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings), encoding="utf-8")
    env.setdefault("DIPLO_ANALYSIS_DATA", str(corpus_dir()))
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    src = str(repo_root() / "src")
    env["PYTHONPATH"] = os.pathsep.join([src] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    port, token = free_port(), new_token()
    with running_server(lab_command(folder, port, token), env, folder, port, token, tmp / "server.log") as base:
        yield base, token, folder


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
        const dialog = document.querySelector('.jp-Dialog');
        return {prompts, tracebacks: stderr, figures, kernel: kernel ? kernel.textContent.trim() : null,
                status: bar ? bar.split(' | ').pop() : null, dialog: dialog ? dialog.textContent.trim() : null};
    }""")


def _wait(page, done, timeout: float, what: str) -> dict:
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        state = _state(page)
        if state is not None and (state["tracebacks"] or done(state)):
            return state
        if state is not None and state["dialog"]:  # e.g. "Kernel Restarting: the kernel appears to have died"
            raise AssertionError(f"{what}: JupyterLab shows a dialog: {state['dialog'][:500]}")
        time.sleep(1.0)
    raise AssertionError(f"{what} within {timeout:.0f} s; the page shows {state}")


def _ready(state) -> bool:
    """The notebook is open and its kernel started and idle (the status bar reads "Python 3 (ipykernel) | Idle")."""
    return bool(state["prompts"]) and state["kernel"] not in (None, "No Kernel") and state["status"] == "Idle"


def _started(state) -> bool:
    return any(p != "[ ]:" for p in state["prompts"])


def _executed(state) -> bool:
    return all(re.fullmatch(r"\[\d+\]:", p) for p in state["prompts"]) and state["status"] == "Idle"


def _saved(path: Path, before: int, timeout: float = 60) -> dict:
    """The notebook at ``path`` once JupyterLab has saved it: changed since ``before`` (an mtime) and whole.

    The server may write the file in more than one step: a file read in between is empty or cut short, so
    it is read again until it parses and has not changed for a moment.
    """
    deadline = time.monotonic() + timeout
    while True:
        mtime = path.stat().st_mtime_ns
        if mtime != before:
            time.sleep(0.5)
            try:
                saved = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                saved = None
            if saved is not None and path.stat().st_mtime_ns == mtime:
                return saved
        if time.monotonic() > deadline:
            raise AssertionError(f"{path.name} was not saved whole within {timeout:.0f} s")
        time.sleep(0.5)


def _run_through_ui(browser, lab, name: str) -> tuple[dict, dict]:
    """Open ``name`` in JupyterLab, Run > Run All Cells, File > Save Notebook: (what the page showed, the saved file)."""
    base, token, folder = lab
    page = browser.new_page()
    try:
        # a workspace of its own: JupyterLab restores no tab of an earlier notebook (or of one since deleted)
        workspace = re.sub(r"\W", "-", Path(name).stem)
        page.goto(f"{base}/lab/workspaces/{workspace}/tree/{name}?token={token}", timeout=OPEN_TIMEOUT * 1000)
        _wait(page, _ready, OPEN_TIMEOUT, f"{name} did not open with an idle kernel")
        for attempt in range(RUN_ALL_ATTEMPTS):  # a click that lands before the panel is current starts nothing
            _menu(page, "Run", "Run All Cells")
            try:
                _wait(page, _started, START_RUN_TIMEOUT, f"{name}: Run All Cells started no cell")
                break
            except AssertionError:
                if attempt == RUN_ALL_ATTEMPTS - 1:
                    raise
                page.keyboard.press("Escape")
                page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").first.click()
        state = _wait(page, _executed, RUN_TIMEOUT, f"{name} did not run through")
        before = (folder / name).stat().st_mtime_ns
        _menu(page, "File", "Save Notebook")
        return state, _saved(folder / name, before)
    finally:
        page.close()
        _shut_down_kernels(lab)  # one notebook's kernel at a time: each holds the corpus in memory


def _shut_down_kernels(lab) -> None:
    """End the server's sessions and their kernels (as File > Shut Down would, without the dialog)."""
    import requests

    base, token, _ = lab
    headers = {"Authorization": f"token {token}"}
    for session in requests.get(f"{base}/api/sessions", headers=headers, timeout=30).json():
        requests.delete(f"{base}/api/sessions/{session['id']}", headers=headers, timeout=60)


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
