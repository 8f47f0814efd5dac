import io
import json

from marsad.ingest import iter_inputs, load_document


def _docs(paths, **kw):
    return [load_document(r, r.default_id or "x") for r in iter_inputs(paths, **kw)]


def test_every_bad_input_is_accounted_for(bad_inputs):
    folder, expect = bad_inputs
    docs = _docs([str(folder)])
    by_source = {d.source.replace(str(folder) + "/", ""): d for d in docs}
    assert set(by_source) == set(expect)
    for name, status in expect.items():
        doc = by_source[name]
        assert doc.status == status, (name, doc.error)
        if status == "rejected":
            assert doc.error and len(doc.error) > 8
        else:
            assert doc.content_sha256 and "شويغو" in doc.text or "القوات" in doc.text


def test_rejection_reasons_are_specific(bad_inputs):
    folder, _ = bad_inputs
    docs = {d.source.rsplit("/", 1)[-1]: d for d in _docs([str(folder)])}
    assert "empty" in docs["empty.txt"].error
    assert "unsupported file type '.docx'" in docs["report.docx"].error
    assert "size limit" in docs["huge.txt"].error and "MB" in docs["huge.txt"].error
    assert "cannot read" in docs["missing.txt"].error
    assert "truncated" in docs["batch.jsonl:2"].error
    assert "no 'text'" in docs["batch.jsonl:3"].error


def test_legacy_encodings_decode_not_reject(bad_inputs, article_text):
    folder, _ = bad_inputs
    docs = {d.source.rsplit("/", 1)[-1]: d for d in _docs([str(folder)])}
    for name in ("good_cp1256.txt", "good_utf16.txt", "good_bom.txt"):
        assert docs[name].text == article_text


def test_stdin_jsonl_with_given_publication_date(article_text):
    stdin = io.StringIO(json.dumps({"id": "a1", "text": article_text, "published": "2017-09-12",
                                    "outlet": "سانا"}, ensure_ascii=False) + "\n")
    (doc,) = _docs(["-"], stdin=stdin)
    assert doc.doc_id == "a1" and doc.status == "ok"
    assert doc.published == "2017-09-12" and doc.published_basis == "given"
    assert doc.outlet == "سانا"


def test_unknown_publication_date_stays_null(tmp_path, article_text):
    (tmp_path / "a.txt").write_text(article_text, encoding="utf-8")
    (doc,) = _docs([str(tmp_path)])
    assert doc.published is None and doc.record()["published_basis"] is None
