"""The pipeline tags a document's sentences as one story (the NER model's document features).

The shipped model learned from windows of ``DOC_WINDOW`` sentences; tagged one sentence at a time it
is weaker (see the model card), so both ways into the recogniser must pass the window: a document on
its own and documents batched by ``prepare``. The tags must also be the same either way.
"""

from __future__ import annotations

from marsad.model import Document
from marsad.pipeline import Knowledge, process_documents, text_stage
from marsad.recognize.ner import DOC_WINDOW

TEXTS = (
    "قال الباحث سيغموند فرويد إن الحرب طويلة. وأضاف فرويد أن المفاوضات متعثرة.",
    "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني في موسكو. وبحث الجانبان الوضع في سوريا.",
)


def _spy(kb: Knowledge, monkeypatch) -> list:  # noqa: ANN001
    tagger = kb.recognizer._tagger()
    seen: list = []
    batch, documents = tagger.tag_batch, tagger.tag_documents

    def tag_batch(sentences, doc_window=None):  # noqa: ANN001, ANN202
        seen.append(("batch", doc_window))
        return batch(sentences, doc_window)

    def tag_documents(docs, doc_window=DOC_WINDOW):  # noqa: ANN001, ANN202
        seen.append(("documents", doc_window))
        return documents(docs, doc_window)

    monkeypatch.setattr(tagger, "tag_batch", tag_batch)
    monkeypatch.setattr(tagger, "tag_documents", tag_documents)
    return seen


def _docs() -> list[Document]:
    return [Document(doc_id=f"d{i}", source="test", text=t) for i, t in enumerate(TEXTS)]


def _mentions(docs: list[Document]) -> list[list[tuple]]:
    return [[(m.start, m.end, m.label, m.actor_id) for m in d.mentions] for d in docs]


def test_one_document_is_tagged_with_the_document_window(kb: Knowledge, monkeypatch) -> None:  # noqa: ANN001
    seen = _spy(kb, monkeypatch)
    doc = _docs()[0]
    text_stage(doc, kb)
    kb.recognizer(doc)
    assert seen and all(window == DOC_WINDOW for _, window in seen)


def test_batched_documents_use_the_window_and_match_one_by_one(kb: Knowledge, monkeypatch) -> None:  # noqa: ANN001
    alone = _docs()
    for doc in alone:
        text_stage(doc, kb)
        doc.mentions = kb.recognizer(doc)
    seen = _spy(kb, monkeypatch)
    batched = process_documents(_docs(), kb)
    assert ("documents", DOC_WINDOW) in seen
    assert all(window == DOC_WINDOW for _, window in seen)
    assert _mentions(batched) == _mentions(alone)
