"""Benchmark: batch at scale. Generates N documents (varied from seeds/, so the translation
memory does not make a rebuild trivial), then times `toolkit build` three ways:

- full: a fresh project (no memory, no cache);
- rebuild: the same again, nothing changed;
- term edits: the English of the glossary term the fewest documents hold edited, then rebuilt;
  then of a common one (双轮驱动, in about a fifth of them), then rebuilt.

Each build is a `toolkit build --json` subprocess; the report's per-stage timings (read =
clean + normalise + segment, glossary, translate, qa, publish = the docs tree, site = MkDocs)
and the process's peak RSS (wait4) are printed as a table. With --glossary-sizes it also times
`glossary check` and a build's glossary overhead (load + term matching over the corpus) on
generated glossaries of 1k, 10k and 100k entries. Run by hand:

    .venv/bin/python benchmarks/scale.py --docs 100 1000 [--glossary-sizes 1000 10000 100000]

The backend is the gloss unless --backend argos (with a zh→en model installed).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
DIGITS = "0123456789"


def _paragraphs() -> list[tuple[list[str], list[str]]]:
    """Per seed: its header lines (up to the first long paragraph) and its body paragraphs."""
    out = []
    for path in SEEDS:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        first = next(i for i, line in enumerate(lines) if len(line) > 60)
        out.append((lines[:first], [line for line in lines[first:] if line]))
    return out


def _vary(text: str, rng: random.Random) -> str:
    """Numbers changed, and one clause of two swapped: new segments for the memory."""
    text = re.sub(r"\d+", lambda m: str(rng.randint(1, 10 ** len(m.group()))), text)
    clauses = text.split("，")
    if len(clauses) > 2 and rng.random() < 0.5:
        i = rng.randrange(len(clauses) - 1)
        clauses[i], clauses[i + 1] = clauses[i + 1], clauses[i]
    return "，".join(clauses)


def generate(folder: Path, n: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    seeds = _paragraphs()
    body = [p for _, paras in seeds for p in paras]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        header = seeds[i % len(seeds)][0]
        picked = rng.sample(body, k=min(len(body), rng.randint(8, 24)))
        lines = [*header[:1], f"第{i}号 " + (header[1] if len(header) > 1 else ""), *header[2:]]
        text = "\n".join(lines) + "\n\n" + "\n\n".join(_vary(p, rng) for p in picked) + "\n"
        (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")


DOCS_ONLY = """
import json, sys
from pathlib import Path
from toolkit.batch import Collected, build_docs, prepare_folders
from toolkit.config import load_config
cfg = load_config().with_overrides(
    input=Path("input"), glossary=Path("glossary"), docs_dir=Path("docs"), site_dir=Path("site"), backend=sys.argv[1]
)
prepare_folders(cfg)
t = build_docs(cfg, Collected(), None, int(sys.argv[2]) if sys.argv[2] != "0" else None).translation
stats = {"translated": t.stats.translated, "from_memory": t.stats.from_memory, "unchanged_documents": t.stats.cached}
print(json.dumps({"timings": t.timings, "translation": stats, "documents": [d.meta.slug for d in t.docs]}))
"""
"""``build`` without the MkDocs step (the library's build_docs): for corpora where MkDocs alone
would take many minutes."""


def build(project: Path, backend: str, jobs: int | None, site: bool = True) -> dict[str, object]:
    cmd = [sys.executable, "-m", "toolkit", "build", "--backend", backend, "--json", "--input", "input"]
    cmd += ["--glossary", "glossary", "--docs-dir", "docs", "--site-dir", "site"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    if not site:
        cmd = [sys.executable, "-c", DOCS_ONLY, backend, str(jobs or 0)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate()
    wall = time.perf_counter() - started
    # the driver's peak RSS (a reading pool's processes are children of it, not counted)
    rss = _peak_rss_mb(proc.pid)
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({proc.returncode}): {err.decode()[-2000:]}")
    report = json.loads(out)
    return {
        "wall": wall,
        "rss_mb": rss,
        "timings": report.get("timings", {}),
        "translated": report["translation"]["translated"],
        "from_memory": report["translation"]["from_memory"],
        "unchanged": report["translation"].get("unchanged_documents", 0),
        "documents": len(report["documents"]),
    }


_RUSAGE: dict[int, float] = {}


def _peak_rss_mb(pid: int) -> float:
    return _RUSAGE.get(pid, float("nan"))


def _reap_hook() -> None:
    """Record each child's peak RSS as it is reaped (Popen waits through os.waitpid)."""
    real = os.waitpid

    def waitpid(pid: int, options: int) -> tuple[int, int]:
        if options == 0 and pid > 0:
            got, status, usage = os.wait4(pid, 0)
            _RUSAGE[got] = usage.ru_maxrss / 1024
            return got, status
        return real(pid, options)

    os.waitpid = waitpid  # type: ignore[assignment]


TERM = "双轮驱动"
"""The common term edited: the seeds' paragraphs recur, so about a fifth of the documents hold it."""


def edit_one_term(glossary: Path, term: str = TERM) -> str:
    """Change the English of one curated term the corpus uses: a rebuild must redo its segments."""
    tsv = glossary / "terms.tsv"
    lines = tsv.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 2 or cols[0] in ("zh",):
            continue
        if cols[0] == term:
            cols[1] = cols[1] + " (edited)"
            lines[i] = "\t".join(cols)
            tsv.write_text("\n".join(lines) + "\n", encoding="utf-8")
            return cols[0]
    raise SystemExit("term to edit not found")


def holders(project: Path) -> dict[str, int]:
    """Per curated term, how many generated documents hold it (in their raw text)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((project / "input").glob("*.txt"))]
    rows = (project / "glossary" / "terms.tsv").read_text(encoding="utf-8").splitlines()
    terms = [r.split("\t")[0] for r in rows if r and not r.startswith(("#", "zh\t"))]
    return {t: sum(t in text for text in texts) for t in terms}


def scale(n: int, backend: str, jobs: int | None, work: Path, site: bool) -> list[tuple[str, dict[str, object]]]:
    project = work / f"n{n}"
    shutil.rmtree(project, ignore_errors=True)
    generate(project / "input", n)
    shutil.copytree(ROOT / "glossary", project / "glossary")
    held = holders(project)
    rare = min((t for t, k in held.items() if k), key=lambda t: (held[t], t))
    rows = [("full", build(project, backend, jobs, site)), ("no change", build(project, backend, jobs, site))]
    edit_one_term(project / "glossary", rare)
    rows.append((f"rare term ({held[rare]} docs)", build(project, backend, jobs, site)))
    edit_one_term(project / "glossary", TERM)
    rows.append((f"common term ({held[TERM]})", build(project, backend, jobs, site)))
    return rows


STAGES = ("read", "cache", "glossary", "translate", "qa", "publish", "site")


def print_rows(n: int, rows: list[tuple[str, dict[str, object]]]) -> None:
    print(f"\nN = {n} documents")
    print(
        f"{'build':<22} {'wall s':>7} {'own s':>7} "
        + " ".join(f"{s:>9}" for s in STAGES)
        + f" {'MT segs':>8} {'TM segs':>8} {'redone':>7} {'RSS MB':>7}"
    )
    for name, r in rows:
        t = r["timings"]
        assert isinstance(t, dict)
        own = sum(v for k, v in t.items() if k != "site")  # the toolkit's own stages
        print(
            f"{name:<22} {r['wall']:7.1f} {own:7.1f} "
            + " ".join(f"{t.get(s, float('nan')):9.2f}" for s in STAGES)
            + f" {r['translated']:>8} {r['from_memory']:>8} {r['documents'] - r['unchanged']:>7} {r['rss_mb']:7.0f}"  # type: ignore[operator]
        )


def glossary_sizes(sizes: list[int], work: Path) -> None:
    import ahocorasick

    from toolkit.batch import Collected, read_documents
    from toolkit.glossary import apply_glossary, check, load
    from toolkit.normalize import convert_script

    text = convert_script("".join(p.read_text(encoding="utf-8") for p in SEEDS), "tw2sp")
    han = sorted(c for c in {c for c in text if "\u4e00" <= c <= "\u9fff"} if convert_script(c, "t2s") == c)
    corpus = work / "gl-corpus"
    generate(corpus, 100, seed=1)
    docs = read_documents([corpus], Collected(), until="segment")
    curated = [r for r in (ROOT / "glossary" / "terms.tsv").read_text(encoding="utf-8").splitlines()]
    curated = [r for r in curated if r and not r.startswith(("#", "zh\t"))]
    terms = [r.split("\t")[0] for r in curated]
    inside = ahocorasick.Automaton()
    for t in terms:
        inside.add_word(t, t)
    inside.make_automaton()
    # 4-character terms: none inside another generated one; none holding or inside a curated one
    taken = {t[i : i + 4] for t in terms for i in range(len(t) - 3)} | set(terms)
    print("\nglossary entries   check s   load s   match 100 docs s")
    for size in sizes:
        rng = random.Random(size)
        rows = ["zh\ten\tstatus\tfixed\tvariants\tsource\tnote", *curated]
        seen = set(taken)
        while len(rows) - 1 < size:
            zh = "".join(rng.choice(han) for _ in range(4))
            if zh in seen or any(True for _ in inside.iter(zh)) or convert_script(zh, "t2s") != zh:
                continue
            seen.add(zh)
            rows.append(f"{zh}\tgenerated term {len(rows)}\tproposed\tno\t\t\t")
        folder = work / f"gl{size}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        (folder / "terms.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        started = time.perf_counter()
        _, problems = check(folder)
        checked = time.perf_counter() - started
        started = time.perf_counter()
        gl = load(folder)
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        for d in docs:
            apply_glossary(d, gl)
        matched = time.perf_counter() - started
        errors = sum(p.severity == "error" for p in problems)
        print(f"{size:>16,} {checked:9.2f} {loaded:8.2f} {matched:18.2f}   ({errors} errors)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--glossary-sizes", type=int, nargs="*", default=[])
    parser.add_argument("--backend", default="gloss")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument(
        "--site-up-to", type=int, default=100, help="larger corpora are built without the MkDocs step (default 100)"
    )
    parser.add_argument("--work", type=Path, default=None, help="where to generate (default: a temporary folder)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))  # this checkout's toolkit, as the builds' PYTHONPATH
    _reap_hook()
    work = args.work or Path(tempfile.mkdtemp(prefix="toolkit-scale-"))
    print(f"{os.cpu_count()} cores; backend {args.backend}; work in {work}")
    for n in args.docs:
        print_rows(n, scale(n, args.backend, args.jobs, work, site=n <= args.site_up_to))
    if args.glossary_sizes:
        glossary_sizes(args.glossary_sizes, work)


if __name__ == "__main__":
    main()
