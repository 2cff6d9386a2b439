"""Engine selection with and without a system `dot`; the system path runs a real program."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from provenance.errors import ProvenanceError
from provenance.render import layout
from provenance.render.layout import choose_engine, lay_out


@pytest.fixture
def no_system_dot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))


@pytest.fixture
def fake_system_dot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A `dot` on PATH that records its arguments and answers with a tiny SVG."""
    program = tmp_path / "dot"
    program.write_text(
        '#!/bin/sh\necho "$@" > "$(dirname "$0")/args"\ncat > /dev/null\n'
        "echo \"<svg xmlns='http://www.w3.org/2000/svg'/>\"\n"
    )
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    return tmp_path


def test_auto_uses_the_embedded_engine_for_svg_without_system_dot(no_system_dot: None) -> None:
    assert choose_engine("auto", "svg") == "wasm"


def test_png_without_system_dot_says_how_to_get_it(no_system_dot: None) -> None:
    with pytest.raises(ProvenanceError) as info:
        choose_engine("auto", "png")
    assert str(info.value) == (
        "PNG needs the system Graphviz ('dot' is not on PATH): install Graphviz "
        "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz) or use "
        "--format svg"
    )


def test_asking_for_the_system_engine_without_it_is_an_error(no_system_dot: None) -> None:
    with pytest.raises(ProvenanceError, match="--engine system needs the 'dot' program"):
        choose_engine("system", "svg")


def test_the_embedded_engine_makes_svg_only() -> None:
    with pytest.raises(ProvenanceError, match="the embedded Graphviz makes SVG only, not PDF"):
        choose_engine("wasm", "pdf")


def test_dot_output_needs_no_engine(no_system_dot: None) -> None:
    assert choose_engine("auto", "dot") == "none"
    assert lay_out("digraph { a }", "dot", "none") == b"digraph { a }"


def test_auto_prefers_the_system_dot_and_runs_it(fake_system_dot: Path) -> None:
    assert choose_engine("auto", "png") == "system"
    out = lay_out("digraph { a -> b }", "svg", "system")
    assert out.strip() == b"<svg xmlns='http://www.w3.org/2000/svg'/>"
    assert (fake_system_dot / "args").read_text().split() == ["-Kdot", "-Tsvg"]
    assert layout.system_dot() == str(fake_system_dot / "dot")


def test_the_embedded_engine_lays_out_for_real() -> None:
    svg = lay_out("digraph { a -> b }", "svg", "wasm")
    assert b"<svg" in svg and b"<title>a&#45;&gt;b</title>" in svg
