"""warta.ray.Extract with a local Ray: rows out = rows in, records equal to the CLI's."""

import json

import pytest

ray = pytest.importorskip("ray", reason="ray is not installed")
pytest.importorskip("ray.data", reason="ray[data] is not installed")

import warta.ray  # noqa: E402

FIELDS = ["id", "content", "date", "title", "url"]


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield
    ray.shutdown()


def test_corpus_rows_equal_cli(local_ray, cli, corpus_lines):
    rows = []
    for n, line in enumerate(corpus_lines[:1500], 1):
        item = json.loads(line)
        rows.append({f: (str(n) if f == "id" else item[f]) for f in FIELDS})
    kwargs = dict(text_col="content", id_col="id", date_col="date", title_col="title", url_col="url")
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    want = cli(["extract", "-q", "--jsonl", "-"], stdin).stdout.splitlines()
    assert len(want) == 1500
    for batch_format in ["default", "pandas", "pyarrow"]:
        ds = ray.data.from_items(rows)
        out = ds.map_batches(
            warta.ray.Extract,
            fn_constructor_kwargs=kwargs,
            concurrency=2,
            batch_size=200,
            batch_format=batch_format,
        )
        got = out.take_all()
        assert len(got) == 1500, batch_format
        assert set(got[0]) == set(FIELDS) | {"warta"}
        by_id = {r["id"]: r["warta"] for r in got}
        assert [by_id[str(n)] for n in range(1, 1501)] == want, batch_format


def test_batches_without_ids(local_ray, cli):
    """Called directly on a batch: ids are row numbers within the batch."""
    ex = warta.ray.Extract(date_col="d")
    batch = {"text": ["Rakor Forkopimda Kaltim digelar Selasa (6/2).", None], "d": ["2024-02-01", None]}
    out = ex(batch)
    want = cli(
        ["extract", "-q", "--jsonl", "-"],
        json.dumps({"text": batch["text"][0], "date": "2024-02-01"}) + "\n" + '{"text": null}\n',
    ).stdout.splitlines()
    assert list(out["warta"]) == want
    assert json.loads(out["warta"][1])["error"]["kind"] == "missing-text"
    with pytest.raises(ValueError, match="already exists"):
        ex(out)
