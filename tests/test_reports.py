"""The reports, written from results: CSV, feedback (Markdown/HTML + plots), Gradescope, JUnit,
class page.

``tests/files/report_results.json`` is real output of the grader on four students of the sample
class, regenerated with::

    gradetape grade examples/class/{ben_okafor,farah_nasser,iris_broken_files,chen_wei} --json \\
        --secret-file examples/class-secret.txt | python -c "import json,sys; \\
        json.dump(json.load(sys.stdin), sys.stdout, separators=(',', ':'))" \\
        > tests/files/report_results.json

Hostile results (ids that are paths or markup, control characters, an expected value where none
should be) are built here from :mod:`autograder.result`.
"""

from __future__ import annotations

import base64
import csv
import json
import math
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from markdown_it import MarkdownIt

from autograder.engine import _compact_items, compact_numbers
from autograder.reports import ReportError, write_all
from autograder.reports import gradescope as gs
from autograder.reports.common import safe_name
from autograder.reports.plots import PNG_SIGNATURE
from autograder.reports.regression import parse_fit, regression_cases
from autograder.reports.templating import md_code, md_fence, md_text
from autograder.result import CaseResult, ExerciseResult, StudentResult, TaskResult

FILES = Path(__file__).parent / "files"
SECRET_VALUE = "123.456"  # a hidden expected value: no report may contain it
XSS = "<script>alert(1)</script>"
TRAVERSAL = "../../etc/x"
FORMULA = "=HYPERLINK(\"http://evil\")"


def real_results() -> list[dict]:
    return json.loads((FILES / "report_results.json").read_text(encoding="utf-8"))


def _tensor(values: list[float]) -> dict:
    return {"$": "tensor", "dtype": "float32", "shape": [len(values)], "data": values}


def _fit(weight: float, bias: float, losses: list[float], kind: str = "python") -> dict:
    def number(v: float) -> dict:
        if kind == "tensor":
            return {"kind": "tensor", "dtype": "float32", "shape": [], "data": [v]}
        return {"kind": "python", "type": "float", "value": v}

    return {"kind": "tuple", "items": [number(weight), number(bias),
                                       {"kind": "list", "items": [number(v) for v in losses]}]}


def hostile_result(student: str) -> dict:
    """A student whose id and messages are hostile, with a hidden expected value planted."""
    hidden_fail = CaseResult(True, False, "failed", "hidden case 1: 'result' has wrong value "
                             "(relative error 0.5, tolerance 1e-04)", ("wrong-value",))
    public_fail = CaseResult(False, False, "error", f"f(1.0): raised ValueError: {XSS}\x1b[31m",
                             ("load-error",), label="f(1.0)")
    tasks = (
        TaskResult("train", "failed", 1.0, 3.0, f"hidden case 1: wrong {XSS}\x00", ("wrong-value",),
                   (public_fail, hidden_fail), traceback=f'  File "x.py", line 1\n{XSS}\x07'),
        TaskResult("predict", "passed", 1.0, 1.0, "all 1 cases passed", (),
                   (CaseResult(True, True, "passed"),)),
    )
    exercise = ExerciseResult("ex08_linear_regression", "graded", 2.0, 4.0, f"note {XSS}", tasks)
    data = StudentResult(student, (exercise,), {"gradetape": "test"}).to_dict()
    train = data["exercises"][0]["tasks"][0]
    # What an engine bug could leak: an expected value on a hidden case, a hidden artifact.
    train["cases"][1]["expected"] = float(SECRET_VALUE)
    train["artifacts"] = [{"call": "train(x, y)", "hidden": True,
                           "args": [_tensor([0.0, 1.0, 2.0]), _tensor([1.0, 2.0, 3.0])],
                           "reference": _fit(float(SECRET_VALUE), 1.0, [3.0, 2.0]),
                           "student": _fit(0.5, 0.5, [3.0, 2.5])}]
    return data


HOSTILE = [TRAVERSAL, XSS, FORMULA]


@pytest.fixture(scope="module")
def results() -> list[dict]:
    return real_results() + [hostile_result(s) for s in HOSTILE]


@pytest.fixture(scope="module")
def reports(results, tmp_path_factory) -> tuple[Path, dict[str, list[Path]]]:
    out = tmp_path_factory.mktemp("reports")
    return out, write_all(results, out)


@pytest.fixture(scope="module")
def by_student(results) -> dict[str, dict]:
    return {r["student"]: r for r in results}


class _Tags(HTMLParser):
    """Start tags and attributes of an HTML document (the stdlib parser: lenient, no deps)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse_html(path: Path) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.tags


def embedded_pngs(path: Path) -> list[bytes]:
    sources = [a.get("src") or "" for tag, a in parse_html(path) if tag == "img"]
    prefix = "data:image/png;base64,"
    assert all(s.startswith(prefix) for s in sources), sources
    return [base64.b64decode(s[len(prefix):], validate=True) for s in sources]


# ---------------------------------------------------------------- all formats


def test_write_all_writes_every_format_inside_the_folder(reports, results):
    out, written = reports
    assert set(written) == {"csv", "feedback", "gradescope", "junit", "class"}
    files = [p for p in out.rglob("*") if p.is_file()]
    assert sorted(files) == sorted(p for paths in written.values() for p in paths)
    assert all(p.resolve().is_relative_to(out.resolve()) for p in files)
    assert len(written["gradescope"]) == len(results)


def test_no_report_contains_a_hidden_expected_value(reports):
    out, _ = reports
    texts = [p for p in out.rglob("*") if p.suffix in (".csv", ".md", ".html", ".json", ".xml")]
    assert len(texts) > 10
    leaks = [p.name for p in texts if SECRET_VALUE in p.read_text(encoding="utf-8")]
    assert leaks == []
    # The hidden artifact was not plotted either: that student's pages embed no image.
    for student in HOSTILE:
        assert not list(out.glob(f"feedback/{safe_name(student)}*.png"))
        assert embedded_pngs(out / "feedback" / f"{safe_name(student)}.html") == []


def test_a_failing_format_does_not_stop_the_others(results, tmp_path, monkeypatch):
    from autograder.reports import junit

    def broken(results: list[dict], out_dir: Path) -> list[Path]:
        raise RuntimeError("boom")

    monkeypatch.setattr(junit, "write_junit", broken)
    with pytest.raises(ReportError) as info:
        write_all(results[:1], tmp_path)
    assert set(info.value.failures) == {"junit"}
    assert (tmp_path / "grades.csv").is_file() and (tmp_path / "class.html").is_file()


# ---------------------------------------------------------------- CSV


def read_csv(out: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    with (out / "grades.csv").open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = {row["student"]: row for row in reader}
        return list(reader.fieldnames or []), rows


def test_csv_columns_are_student_modules_tasks_then_totals(reports, by_student):
    header, _ = read_csv(reports[0])
    tasks = [t["task"] for t in by_student["ben_okafor"]["exercises"][3]["tasks"]]
    assert header[0] == "student" and header[-3:] == ["total", "max_score", "percentage"]
    start = header.index("ex04_first_order")
    want = ["ex04_first_order", *(f"ex04_first_order.{t}" for t in tasks)]
    assert header[start:start + 5] == want
    assert len(header) == 1 + 8 + 31 + 3


@pytest.mark.parametrize(("student", "column", "want"), [
    ("ben_okafor", "total", "35"),
    ("ben_okafor", "ex04_first_order.cube_gradient", "0"),
    ("farah_nasser", "ex03_matmul", "1.25"),
    ("farah_nasser", "ex03_matmul.matmul", "0.25"),
    ("farah_nasser", "percentage", f"{100 * 46.05 / 51:.2f}"),
    ("iris_broken_files", "ex01_constants", "0"),
    ("chen_wei", "ex08_linear_regression", "0"),
    ("chen_wei", "max_score", "51"),
    (XSS, "ex08_linear_regression.train", "1"),
    (TRAVERSAL, "ex01_constants", ""),  # no result for that module: empty, not 0
    ("'" + FORMULA, "total", "2"),  # a formula is quoted for spreadsheets
])
def test_csv_cells(reports, student, column, want):
    _, rows = read_csv(reports[0])
    assert rows[student][column] == want


def test_csv_module_columns_add_up_to_the_total(reports):
    header, rows = read_csv(reports[0])
    modules = [c for c in header[1:-3] if "." not in c]
    for row in rows.values():
        total = sum(float(row[m] or 0) for m in modules)
        assert total == pytest.approx(float(row["total"])), row["student"]


# ---------------------------------------------------------------- feedback


@pytest.mark.parametrize(("student", "want_images"), [
    ("ben_okafor", 1), ("farah_nasser", 1), ("iris_broken_files", 1), ("chen_wei", 0),
])
def test_feedback_html_embeds_the_regression_plot_as_png(reports, student, want_images):
    out, _ = reports
    pngs = embedded_pngs(out / "feedback" / f"{student}.html")
    assert len(pngs) == want_images
    assert all(png.startswith(PNG_SIGNATURE) for png in pngs)


@pytest.mark.parametrize("student", ["ben_okafor", "farah_nasser"])
def test_feedback_markdown_links_a_sibling_png(reports, student):
    folder = reports[0] / "feedback"
    text = (folder / f"{student}.md").read_text(encoding="utf-8")
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert links == [f"{student}.ex08_linear_regression.train.png"]
    assert (folder / links[0]).read_bytes().startswith(PNG_SIGNATURE)


@pytest.mark.parametrize(("student", "want"), [
    # the hint's text, not only its id
    ("ben_okafor", "Gradients exist only for floating-point tensors"),
    ("ben_okafor", "`gradient-none-integer`"),
    # hidden cases: which one failed and how
    ("ben_okafor", "hidden case 1: 'result' is None, expected a tf.Tensor"),
    # public cases may show values
    ("farah_nasser", "(got [ 5. 12. 21. 32.], expected [19. 22. 43. 50.])"),
    # the trimmed traceback of the student's code
    ("chen_wei", 'File "ex07_persistent_tape.py", line 86, in chain_rule_gradients'),
    ("chen_wei", "Not graded: no submission for ex08_linear_regression"),
    ("iris_broken_files", "Not graded: ex02_variables.py is a binary file"),
])
def test_feedback_markdown_content(reports, student, want):
    assert want in (reports[0] / "feedback" / f"{student}.md").read_text(encoding="utf-8")


def test_feedback_html_shows_hints_and_status(reports):
    html = (reports[0] / "feedback" / "ben_okafor.html").read_text(encoding="utf-8")
    assert "Gradients exist only for floating-point tensors" in html
    assert "<code>tf.cast(x, tf.float32)</code>" in html  # catalog code spans become <code>
    assert "Hidden cases: 0 of 3 passed" in html


@pytest.mark.parametrize("student", HOSTILE)
def test_hostile_ids_are_escaped_and_files_sanitised(reports, student):
    out, _ = reports
    html_file = out / "feedback" / f"{safe_name(student)}.html"
    tags = parse_html(html_file)
    assert [t for t, _ in tags].count("script") == 0
    text = html_file.read_text(encoding="utf-8")
    assert XSS not in text and "&lt;script&gt;" in text
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", text)
    # Rendered by a CommonMark renderer that passes raw HTML through, the Markdown has no tag.
    markdown = (out / "feedback" / f"{safe_name(student)}.md").read_text(encoding="utf-8")
    rendered = MarkdownIt("commonmark", {"html": True}).render(markdown)
    assert "<script" not in rendered and "&lt;script&gt;" in rendered
    assert not (out.parent / "etc").exists() and not Path("/etc/x.html").exists()


# ---------------------------------------------------------------- Gradescope


def test_every_gradescope_results_file_validates_against_the_schema(reports):
    schema = json.loads(gs.SCHEMA.read_text(encoding="utf-8"))
    files = reports[1]["gradescope"]
    for path in files:
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)
    assert {p.parent.name for p in files} >= {"ben_okafor", safe_name(TRAVERSAL)}


@pytest.mark.parametrize(("student", "test", "want"), [
    ("ben_okafor", "ex04_first_order.cube_gradient",
     {"status": "failed", "score": 0.0, "max_score": 2.0}),
    ("ben_okafor", "ex04_first_order.derivative",
     {"status": "passed", "score": 2.0, "max_score": 2.0}),
    ("farah_nasser", "ex03_matmul.matmul", {"status": "failed", "score": 0.25}),
    ("chen_wei", "ex08_linear_regression.train", {"status": "failed", "score": 0.0}),
])
def test_gradescope_tests(reports, student, test, want):
    data = json.loads((reports[0] / "gradescope" / student / "results.json").read_text())
    tests = {t["name"]: t for t in data["tests"]}
    assert {k: tests[test][k] for k in want} == want
    assert tests[test]["visibility"] == "visible" and tests[test]["output_format"] == "md"
    assert data["score"] == pytest.approx(sum(t["score"] for t in data["tests"]))


def test_gradescope_output_carries_hint_text(reports):
    data = json.loads((reports[0] / "gradescope" / "ben_okafor" / "results.json").read_text())
    cube = next(t for t in data["tests"] if t["name"] == "ex04_first_order.cube_gradient")
    assert "Gradients exist only for floating-point tensors" in cube["output"]
    assert data["stdout_visibility"] == "hidden" and data["output_format"] == "md"


@pytest.mark.parametrize(("content", "modules", "want_rc", "want_tests", "want_score"), [
    ("one", [], 0, 31, 35.0),
    ("one", ["ex04_first_order"], 0, 4, 6.0),
    ("two", [], 1, 0, 0.0),  # not one student: a grader failure, still a valid file
    ("garbage", [], 1, 0, 0.0),
    ("missing", [], 1, 0, 0.0),
])
def test_gradescope_converter(tmp_path, content, modules, want_rc, want_tests, want_score):
    source = tmp_path / "grade.json"
    ben = real_results()[0]
    payloads = {"one": json.dumps([ben]), "two": json.dumps([ben, ben]), "garbage": "{not json"}
    if content in payloads:
        source.write_text(payloads[content], encoding="utf-8")
    out = tmp_path / "out" / "results.json"
    argv = ["--from-json", str(source), "--out", str(out)]
    assert gs.main(argv + (["--modules", ",".join(modules)] if modules else [])) == want_rc
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(gs.SCHEMA.read_text(encoding="utf-8")))
    assert (len(data["tests"]), data["score"]) == (want_tests, want_score)
    if want_rc:
        assert "could not grade" in data["output"]


# ---------------------------------------------------------------- JUnit


def test_junit_parses_with_one_suite_per_student_and_module(reports, results):
    root = ET.parse(reports[0] / "junit.xml").getroot()
    suites = root.findall("testsuite")
    assert len(suites) == sum(len(r["exercises"]) for r in results)
    tasks = sum(len(e["tasks"]) for r in results for e in r["exercises"])
    assert int(root.get("tests")) == tasks
    assert len(root.findall("testsuite/testcase")) == tasks
    for key in ("failures", "errors"):
        assert int(root.get(key)) == sum(int(s.get(key)) for s in suites)


def test_junit_is_streamed_as_one_document_with_one_suite_per_line_block(reports, results):
    written = (reports[0] / "junit.xml").read_text(encoding="utf-8")
    assert written.startswith("<?xml version='1.0' encoding='utf-8'?>\n<testsuites ")
    assert written.endswith("</testsuites>\n")
    assert written.count("\n  <testsuite ") == sum(len(r["exercises"]) for r in results)


@pytest.mark.parametrize(("suite", "want"), [
    ("ben_okafor.ex04_first_order", {"tests": "4", "failures": "1", "errors": "0"}),
    ("farah_nasser.ex03_matmul", {"tests": "4", "failures": "0", "errors": "3"}),
    ("iris_broken_files.ex01_constants", {"tests": "4", "failures": "0", "errors": "4"}),
    ("chen_wei.ex08_linear_regression", {"tests": "4", "failures": "4", "errors": "0"}),
    (f"{XSS}.ex08_linear_regression", {"tests": "2", "failures": "1", "errors": "0"}),
])
def test_junit_suite_counts(reports, suite, want):
    root = ET.parse(reports[0] / "junit.xml").getroot()
    found = {s.get("name"): s for s in root.findall("testsuite")}[suite]
    assert {k: found.get(k) for k in want} == want


def test_junit_failure_carries_feedback_hints_and_traceback(reports):
    root = ET.parse(reports[0] / "junit.xml").getroot()
    case = root.find("testsuite[@name='chen_wei.ex07_persistent_tape']/"
                     "testcase[@name='chain_rule_gradients']")
    error = case.find("error")
    assert error is not None and error.get("message").startswith("error (0/2 points)")
    assert "replace `raise NotImplementedError`" in error.text
    assert "line 86, in chain_rule_gradients" in error.text


# ---------------------------------------------------------------- class page


def test_class_page_parses_embeds_three_plots_and_links_feedback(reports, results):
    out, _ = reports
    page = out / "class.html"
    pngs = embedded_pngs(page)
    assert len(pngs) == 3 and all(p.startswith(PNG_SIGNATURE) for p in pngs)
    links = [a["href"] for tag, a in parse_html(page) if tag == "a" and a.get("href", "")
             .startswith("feedback/")]
    assert len(links) == len(results)
    assert all((out / link).is_file() for link in links)
    assert "script" not in [tag for tag, _ in parse_html(page)]


def test_class_page_names_the_task_fewest_students_passed_first(reports, results):
    passed: dict[str, int] = {}
    for result in results:
        for exercise in result["exercises"]:
            for task in exercise["tasks"]:
                key = f"{exercise['exercise']}.{task['task']}"
                passed[key] = passed.get(key, 0) + (task["status"] == "passed")
    page = (reports[0] / "class.html").read_text(encoding="utf-8")
    first = re.search(r"Hard task: <code>([^<]+)</code>", page).group(1)
    assert passed[first] == min(passed.values())


@pytest.mark.parametrize("want", [
    # the concept the class did not get, at a glance: the top diagnosis, with its text
    "Frequent diagnosis: <code>wrong-value</code>",
    "The result has the right type and shape but the wrong values.",
    # per module: not gradable and missing counts
    '<td>ex01_constants</td><td class="num">',
    '<td class="num not_gradable">1</td>',
    '<td class="num missing">3</td>',
])
def test_class_page_content(reports, want):
    assert want in (reports[0] / "class.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------- helpers


@pytest.mark.parametrize(("student", "want"), [
    ("ada_lovelace", "ada_lovelace"),
    ("ben.okafor-2", "ben.okafor-2"),
    (TRAVERSAL, re.compile(r"^etc_x-[0-9a-f]{8}$")),
    ("..", re.compile(r"^student-[0-9a-f]{8}$")),
    ("", re.compile(r"^student-[0-9a-f]{8}$")),
    ("zoë", re.compile(r"^zo-[0-9a-f]{8}$")),
    ("a/b", re.compile(r"^a_b-[0-9a-f]{8}$")),
])
def test_safe_name(student, want):
    name = safe_name(student)
    assert name == want if isinstance(want, str) else want.match(name)


def test_safe_names_of_distinct_ids_differ():
    assert len({safe_name(s) for s in ("a/b", "a_b", "a\\b", "a b")}) == 4


@pytest.mark.parametrize(("func", "text", "want"), [
    (md_text, "<b>x</b> *y* [l](u)", r"\<b\>x\</b\> \*y\* \[l\](u)"),
    (md_text, "ex04_first_order _x_", r"ex04_first_order \_x\_"),
    (md_code, "a `b` c", "``a `b` c``"),
    (md_code, "`b`", "`` `b` ``"),
    (md_code, "x\ny", "`x y`"),
    (md_fence, "```\nhi", "````text\n```\nhi\n````"),
])
def test_markdown_escaping(func, text, want):
    assert func(text) == want


@pytest.mark.parametrize(("description", "want"), [
    (_fit(2.0, 1.0, [3.0, 2.0]), (2.0, 1.0, (3.0, 2.0))),
    (_fit(2.0, 1.0, [3.0], kind="tensor"), (2.0, 1.0, (3.0,))),
    ({"kind": "tuple", "items": [{"kind": "python", "type": "float", "value": 1.0},
                                 {"kind": "python", "type": "float", "value": 0.0},
                                 {"kind": "tensor", "shape": [2], "data": [4.0, 3.0]}]},
     (1.0, 0.0, (4.0, 3.0))),
    ({"kind": "none"}, None),
    ({"kind": "tuple", "items": [{"kind": "python", "type": "str", "value": "w"}] * 3}, None),
])
def test_parse_fit(description, want):
    fit = parse_fit(description)
    assert (fit if fit is None else (fit.weight, fit.bias, fit.losses)) == want


def test_compacted_losses_still_plot():
    # Results stay in memory until the reports are written: the losses are kept as plain numbers.
    losses = [3.0, float("nan"), 1.0]
    compact = _compact_items(_fit(2.0, 1.0, losses))
    assert compact["items"][2] == {"kind": "numbers", "data": [3.0, None, 1.0]}
    fit = parse_fit(compact)
    assert (fit.weight, fit.bias, fit.losses[0], fit.losses[2]) == (2.0, 1.0, 3.0, 1.0)
    assert math.isnan(fit.losses[1])
    mixed = {"kind": "list", "items": [{"kind": "python", "type": "float", "value": 1.0},
                                       {"kind": "python", "type": "str", "value": "x"}]}
    assert compact_numbers(mixed) == mixed  # not all numbers: left as it was


def test_regression_cases_skip_hidden_and_malformed_artifacts():
    good = {"call": "train(...)", "args": [_tensor([0.0, 1.0]), _tensor([1.0, 3.0]), 0.01, 5],
            "reference": _fit(2.0, 1.0, [1.0]), "student": None}
    cases = regression_cases([good, {**good, "hidden": True}, {"args": []}, "junk"])
    assert [c.title for c in cases] == ["public case 1: train(x, y, 0.01, 5)"]
    assert cases[0].student is None


def test_class_page_reads_each_student_once(results):
    """Reports read a class back from the gradebook one student at a time: the page's many
    tallies must not each read the whole class again."""
    from autograder.batch import LazyResults
    from autograder.reports.classpage import summarize

    reads: list[int] = []

    def load(i: int) -> dict:
        reads.append(i)
        return results[i]

    lazy = summarize(LazyResults(len(results), load))
    assert sorted(reads) == list(range(len(results)))
    assert lazy == summarize(results)
