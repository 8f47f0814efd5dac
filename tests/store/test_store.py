from marsad.model import Document, Mention, Sentence
from marsad.store import Store


def _doc(doc_id="d1", text="قال الرئيس الروسي إن القوات انسحبت.", sha="abc"):
    d = Document(doc_id=doc_id, source=f"{doc_id}.txt", text=text, content_sha256=sha, published="2017-09-12",
                 published_basis="given")
    d.sentences = [Sentence(0, len(text), text, index=0)]
    d.mentions = [Mention(4, 17, text[4:17], label="PERS", actor_id="vladimir_putin")]
    d.events = [{"event_id": f"{doc_id}:e1", "doc_id": doc_id, "type": "RETREAT", "mode": "withdraw",
                 "actor": [{"id": "russian_armed_forces", "name_en": "Russian armed forces", "text": "القوات"}],
                 "recipient": [], "date": None, "status": "reported", "quantities": {},
                 "evidence": {"text": text, "start": 0, "end": len(text)}, "location": None}]
    return d


def test_rerun_does_not_duplicate_rows(tmp_path):
    db = tmp_path / "m.duckdb"
    for _ in range(2):
        with Store.open(db) as s:
            s.write([_doc()])
    with Store.open(db, read_only=True) as s:
        assert s.counts() == {"documents": 1, "sentences": 1, "mentions": 1, "events": 1, "event_actors": 1}


def test_same_content_under_a_new_id_replaces_the_old_row(tmp_path):
    db = tmp_path / "m.duckdb"
    with Store.open(db) as s:
        s.write([_doc("a")])
        s.write([_doc("b")])
        assert s.con.execute("SELECT doc_id FROM documents").fetchall() == [("b",)]
        assert s.counts()["events"] == 1


def test_cleaned_text_and_event_participants_are_queryable(tmp_path):
    with Store.open(tmp_path / "m.duckdb") as s:
        s.write([_doc(), _doc("d2", sha="other")])
        assert s.document_text("d1").startswith("قال الرئيس")
        rows = s.con.execute("SELECT e.doc_id FROM events e JOIN event_actors a USING (event_id) "
                             "WHERE a.actor_id = 'russian_armed_forces' ORDER BY 1").fetchall()
        assert rows == [("d1",), ("d2",)]
