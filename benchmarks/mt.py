"""Benchmark: toolkit translate vs Argos's translate() vs raw CTranslate2 translate_batch.

Builds a transformer-base Argos package with random weights (6+6 layers, d_model 512,
8 heads, FFN 2048, 50k vocabulary: the argos-train defaults), installs it into a temporary
Argos data dir, and translates ~1,000 seed sentences three ways, each in its own process
(wall time and peak RSS of the whole process):

1. ``toolkit translate --backend argos`` (read, clean, normalise, segment, glossary,
   translate, write JSON), no translation memory;
2. Argos's own ``translate()`` per paragraph, with its sentence splitter replaced by ours
   (its default MiniSBD splitter downloads a model, which fails offline);
3. one raw ``translate_batch`` over the same sentences.

Same package, same sentences, same beam. Run by hand:

    .venv/bin/python benchmarks/mt.py [--beam 4] [--copies 2] [--work /tmp/mt-bench] [--ray]

With ``--ray`` also ``toolkit translate --executor ray`` on a local Ray instance with one
worker per core (equal cores to the local run), and whether its output is the local run's.

Results go in the notes and docs, not in assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def run_measured(cmd: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Run ``cmd``; return (wall seconds, peak RSS of that process in MiB, its stdout)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{' '.join(cmd[:5])} failed")
    return wall, usage.ru_maxrss / 1024, out


def make_inputs(folder: Path, copies: int) -> None:
    """The seed pages, plus varied copies (so no sentence repeats) up to ~1,000 sentences."""
    folder.mkdir(parents=True, exist_ok=True)
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        (folder / seed.name).write_text(text, encoding="utf-8")
        for k in range(1, copies):
            varied = text.replace("。", f"（第{k}稿）。")
            (folder / f"v{k}-{seed.name}").write_text(varied, encoding="utf-8")


# --- workers (run in their own processes) ----------------------------------------------------


def worker_argos(pkg_dir: str, paragraphs_file: str, beam: int) -> None:
    t0 = time.perf_counter()
    os.environ["ARGOS_BEAM_SIZE"] = str(beam)
    import argostranslate.translate as at

    from toolkit.segment import split_sentences

    class OurSplitter:
        """Argos's sentencizer interface, splitting with the toolkit's Chinese splitter."""

        def __init__(self, pkg: object) -> None:
            pass

        def split_sentences(self, text: str) -> list[str]:
            return split_sentences(text)

    at.MiniSBDSentencizer = OurSplitter  # type: ignore[attr-defined,misc]
    paragraphs = json.loads(Path(paragraphs_file).read_text(encoding="utf-8"))
    langs = {lang.code: lang for lang in at.get_installed_languages()}
    translation = langs["zh"].get_translation(langs["en"])
    t1 = time.perf_counter()
    out = [translation.translate(p) for p in paragraphs]
    t2 = time.perf_counter()
    print(json.dumps({"load": t1 - t0, "translate": t2 - t1, "chars": sum(map(len, out))}))


def worker_raw(pkg_dir: str, sentences_file: str, beam: int, chunked: bool = False) -> None:
    """One translate_batch over all sentences; ``chunked``: one per length chunk, as the toolkit
    does, so each chunk gets its own decoding-length guard (the same decoding work)."""
    t0 = time.perf_counter()
    import ctranslate2
    import sentencepiece

    from toolkit.translate.argos import GUARD_SPREAD, _chunks, max_target_length

    sp = sentencepiece.SentencePieceProcessor(model_file=f"{pkg_dir}/sentencepiece.model")
    translator = ctranslate2.Translator(
        f"{pkg_dir}/model", device="cpu", compute_type="auto", intra_threads=os.cpu_count() or 1
    )
    sentences = json.loads(Path(sentences_file).read_text(encoding="utf-8"))
    t1 = time.perf_counter()
    batch = [sp.encode(s, out_type=str) for s in sentences]
    lengths = [len(b) for b in batch]
    order = sorted(range(len(batch)), key=lengths.__getitem__)
    chunks = list(_chunks(order, lengths, 8192, 1024, GUARD_SPREAD)) if chunked else [list(range(len(batch)))]
    out = []
    for chunk in chunks:
        results = translator.translate_batch(
            [batch[i] for i in chunk],
            beam_size=beam,
            max_batch_size=1024,
            batch_type="tokens",
            max_decoding_length=max_target_length(max(lengths[i] for i in chunk)),
        )
        out += [sp.decode(r.hypotheses[0]) for r in results]
    t2 = time.perf_counter()
    print(json.dumps({"load": t1 - t0, "translate": t2 - t1, "chars": sum(map(len, out))}))


# --- main ---------------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--beam", type=int, default=4, help="beam size for all three (Argos's default is 4)")
    ap.add_argument("--copies", type=int, default=2, help="seed copies (2 ≈ 1,000 sentences)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/mt-bench"))
    ap.add_argument("--small", action="store_true", help="the tests' tiny model instead (quick check)")
    ap.add_argument("--ray", action="store_true", help="also: toolkit translate --executor ray, one worker per core")
    args = ap.parse_args()

    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ}
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[var] = str(work / var.lower())
    env["ARGOS_PACKAGES_DIR"] = str(work / "packages")
    os.environ.update(env)

    size = {} if args.small else {
        "layers": (6, 6), "d_model": 512, "heads": 8, "ffn": 2048, "target_vocab_size": 50_000,
        "weight_std": 0.02, "eos_bias": 1.4,
    }  # fmt: skip
    py = sys.executable
    # Built in a child process: Linux keeps a process's peak RSS across fork and exec, so a
    # parent holding the model's weights would give every measured child its peak.
    t = time.perf_counter()
    build = (
        "import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path; "
        "from tests.argos_package import build_package; import json; a = json.loads(sys.argv[3]); "
        "a.update({'layers': tuple(a['layers'])} if 'layers' in a else {}); "
        "print(build_package(Path(sys.argv[2]), version='9.0', **a))"
    )
    out = subprocess.run(
        [py, "-c", build, str(ROOT), str(work / "build"), json.dumps(size)], env=env, check=True, capture_output=True
    )
    archive = Path(out.stdout.decode().strip().splitlines()[-1])
    took = time.perf_counter() - t
    print(f"built {archive.name} ({archive.stat().st_size / 2**20:.0f} MiB) in {took:.1f}s", flush=True)
    subprocess.run([py, "-m", "toolkit", "models", "install", str(archive)], env=env, check=True, capture_output=True)
    pkg_dir = work / "packages" / "translate-zh_en-9_0"

    inputs, out_dir = work / "inputs", work / "out"
    make_inputs(inputs, args.copies)

    # 1. The toolkit, whole process.
    cmd = [py, "-m", "toolkit", "translate", str(inputs), "-o", str(out_dir), "--backend", "argos"]
    cmd += ["--beam-size", str(args.beam), "--no-tm", "--glossary", str(ROOT / "glossary"), "-q"]
    tk_wall, tk_rss, _ = run_measured(cmd, env)
    ray_wall = ray_rss = float("nan")
    if args.ray:  # equal cores: a local Ray instance, one worker (one CTranslate2 model) per core
        ray_out = work / "out-ray"
        cmd_ray = [*cmd[:-1], "--executor", "ray", "--workers", str(os.cpu_count() or 1), "-q"]
        cmd_ray[cmd_ray.index("-o") + 1] = str(ray_out)
        ray_wall, ray_rss, _ = run_measured(cmd_ray, env)
        same = all(
            (ray_out / f.name).read_text(encoding="utf-8") == f.read_text(encoding="utf-8")
            for f in sorted(out_dir.glob("*.json"))
        )
        print(f"ray: {ray_wall:.1f}s, output identical to the local executor's: {same}", flush=True)

    empty = work / "empty-glossary.tsv"
    empty.write_text("zh\ten\tstatus\tfixed\tvariants\tsource\tnote\n", encoding="utf-8")
    cmd_ng = [*cmd[:-3], "--glossary", str(empty), "-q"]
    tk_ng_wall, _, _ = run_measured(cmd_ng, env)

    # The same sentences and paragraphs, from the toolkit's own segmentation.
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out_dir.glob("*.json"))]
    sentences = [s["zh"] for d in docs for s in d["segments"]]
    paragraphs: list[str] = []
    for d in docs:
        current, block = [], None
        for s in d["segments"]:
            b = s["id"].split("s")[0]
            if b != block and current:
                paragraphs.append("".join(current))
                current = []
            block = b
            current.append(s["zh"])
        if current:
            paragraphs.append("".join(current))
    (work / "sentences.json").write_text(json.dumps(sentences, ensure_ascii=False), encoding="utf-8")
    (work / "paragraphs.json").write_text(json.dumps(paragraphs, ensure_ascii=False), encoding="utf-8")

    me = str(Path(__file__).resolve())
    ar_wall, ar_rss, ar_out = run_measured(
        [py, me, "worker-argos", str(pkg_dir), str(work / "paragraphs.json"), str(args.beam)], env
    )
    raw_wall, raw_rss, raw_out = run_measured(
        [py, me, "worker-raw", str(pkg_dir), str(work / "sentences.json"), str(args.beam)], env
    )
    rc_wall, rc_rss, rc_out = run_measured(
        [py, me, "worker-raw-chunked", str(pkg_dir), str(work / "sentences.json"), str(args.beam)], env
    )
    ar, raw, rc = json.loads(ar_out), json.loads(raw_out), json.loads(rc_out)

    print(f"\n{len(sentences)} sentences in {len(paragraphs)} paragraphs, beam {args.beam}, {os.cpu_count()} cores")
    print(f"{'way':44} {'wall s':>8} {'translate s':>12} {'peak RSS MiB':>13}")
    print(f"{'toolkit translate (whole process, glossary)':44} {tk_wall:8.1f} {'':>12} {tk_rss:13.0f}")
    print(f"{'toolkit translate (whole process, no terms)':44} {tk_ng_wall:8.1f}")
    if args.ray:
        print(f"{'toolkit translate --executor ray (driver)':44} {ray_wall:8.1f} {'':>12} {ray_rss:13.0f}")
    print(f"{'Argos translate() per paragraph':44} {ar_wall:8.1f} {ar['translate']:12.1f} {ar_rss:13.0f}")
    print(f"{'raw translate_batch (one call)':44} {raw_wall:8.1f} {raw['translate']:12.1f} {raw_rss:13.0f}")
    print(f"{'raw translate_batch (per length chunk)':44} {rc_wall:8.1f} {rc['translate']:12.1f} {rc_rss:13.0f}")
    print(f"\nArgos / toolkit (whole process): {ar_wall / tk_wall:.2f}x")
    print(f"toolkit / raw one call (whole process): {tk_wall / raw_wall:.2f}  (no terms: {tk_ng_wall / raw_wall:.2f})")
    print(f"toolkit / raw per chunk (whole process): {tk_wall / rc_wall:.2f}  (no terms: {tk_ng_wall / rc_wall:.2f})")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "worker-argos":
        worker_argos(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif len(sys.argv) > 1 and sys.argv[1] in ("worker-raw", "worker-raw-chunked"):
        worker_raw(sys.argv[2], sys.argv[3], int(sys.argv[4]), chunked=sys.argv[1].endswith("chunked"))
    else:
        main()
