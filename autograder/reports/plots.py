"""The reports' figures, drawn with matplotlib's Agg canvas and returned as PNG bytes.

Figures are built with :class:`matplotlib.figure.Figure` and an explicit Agg canvas rather than
``pyplot``: no global state, no GUI backend, safe to call from several threads. Labels that come
from results are passed through :func:`label` so a ``$`` cannot start mathtext.
"""

from __future__ import annotations

import base64
import io
import math
from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from autograder.reports.regression import RegressionCase

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_REFERENCE, _STUDENT, _DATA = "#1f77b4", "#d62728", "#7f7f7f"


def label(text: str, width: int = 48) -> str:
    """Text safe to draw: ``$`` escaped (no mathtext), long text shortened."""
    text = text if len(text) <= width else text[: width - 1] + "…"
    return text.replace("$", r"\$")


def to_png(fig: Figure) -> bytes:
    """The figure as PNG bytes (no timestamp in the metadata, so output is reproducible)."""
    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=80, metadata={"Software": None})
    return buffer.getvalue()


def data_uri(png: bytes) -> str:
    """``data:image/png;base64,...`` for embedding in HTML."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def score_histogram(percentages: Sequence[float]) -> bytes:
    """How many students scored in each 10% band, with the class mean marked."""
    fig = Figure(figsize=(6.4, 3.2), layout="constrained")
    ax = fig.add_subplot()
    ax.hist(np.clip(percentages, 0, 100), bins=list(range(0, 101, 10)), color=_REFERENCE,
            edgecolor="white")
    if len(percentages):
        mean = float(np.mean(percentages))
        ax.axvline(mean, color=_STUDENT, linestyle="--", label=f"mean {mean:.0f}%")
        ax.legend(loc="upper left")
    ax.set(xlabel="score (%)", ylabel="students", xlim=(0, 100), title="Scores")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    return to_png(fig)


def horizontal_bars(rows: Sequence[tuple[str, float]], *, title: str, xlabel: str,
                    xmax: float | None = None, percent: bool = False) -> bytes:
    """One bar per row, first row on top; percentages coloured red/orange/green."""
    fig = Figure(figsize=(7.0, 0.9 + 0.28 * max(len(rows), 1)), layout="constrained")
    ax = fig.add_subplot()
    names = [label(name) for name, _ in rows]
    values = [value for _, value in rows]
    colors = [_rate_color(v) for v in values] if percent else [_REFERENCE] * len(values)
    ax.barh(range(len(rows)), values, color=colors)
    ax.set_yticks(range(len(rows)), names, fontsize=8)
    ax.invert_yaxis()
    ax.set(title=title, xlabel=xlabel)
    if xmax:
        ax.set_xlim(0, xmax)
    if not percent:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    return to_png(fig)


def _rate_color(rate: float) -> str:
    return "#d62728" if rate < 50 else ("#ff7f0e" if rate < 80 else "#2ca02c")


def regression(cases: Sequence[RegressionCase]) -> bytes:
    """Per public case: data and both fitted lines, then both loss curves."""
    height = 3.6 * len(cases)
    fig = Figure(figsize=(10.0, height))
    # Fixed margins (in inches, so any number of rows fits): every student's feedback has this
    # figure, and the constrained layout engine was half of the reports' time for a class.
    fig.subplots_adjust(left=0.07, right=0.98, top=1 - 0.32 / height, bottom=0.5 / height,
                        wspace=0.22, hspace=0.45)
    axes = fig.subplots(len(cases), 2, squeeze=False)
    for row, case in zip(axes, cases):
        _draw_lines(row[0], case)
        _draw_losses(row[1], case)
    return to_png(fig)


def _draw_lines(ax: Axes, case: RegressionCase) -> None:
    x = np.linspace(float(case.x.min()), float(case.x.max()), 50)
    ax.scatter(case.x, case.y, s=8, color=_DATA, label="data")
    ref = case.reference
    ax.plot(x, ref.weight * x + ref.bias, color=_REFERENCE,
            label="reference: " + _equation(ref.weight, ref.bias))
    student = case.student
    if student is not None and math.isfinite(student.weight) and math.isfinite(student.bias):
        ax.plot(x, student.weight * x + student.bias, color=_STUDENT,
                linestyle="--", label="yours: " + _equation(student.weight, student.bias))
    else:
        ax.plot([], [], color=_STUDENT, linestyle="--",
                label="yours: no finite line")
    # The data sets the view, so a diverged fit leaves the frame instead of flattening the data.
    low, high = float(case.y.min()), float(case.y.max())
    margin = 0.15 * (high - low or 1.0)
    ax.set(ylim=(low - margin, high + margin), xlabel="x", ylabel="y",
           title=label(case.title, 60))
    ax.legend(fontsize=8, loc="upper left")


def _equation(weight: float, bias: float) -> str:
    sign = "−" if bias < 0 else "+"
    return f"y = {weight:.3g}x {sign} {abs(bias):.3g}"


def _draw_losses(ax: Axes, case: RegressionCase) -> None:
    ref = np.asarray(case.reference.losses, dtype=float)
    ax.plot(np.arange(1, len(ref) + 1), ref, color=_REFERENCE,
            label="reference")
    curves = [ref]
    if case.student is not None and case.student.losses:
        mine = np.asarray(case.student.losses, dtype=float)
        finite = np.isfinite(mine)
        note = "" if finite.all() else " (NaN/inf not drawn)"
        steps = np.arange(1, len(mine) + 1)
        ax.plot(steps[finite], mine[finite], color=_STUDENT,
                linestyle="--", label=f"yours{note}")
        curves.append(mine[finite])
    values = np.concatenate(curves) if curves else np.array([])
    if values.size and (values > 0).all():
        ax.set_yscale("log")
    ax.set(xlabel="step", ylabel="loss", title="loss at each step")
    ax.legend(fontsize=8, loc="upper right")
