import pytest

from marsad.ingest.encoding import DecodeError, decode_bytes

TEXT = "التقى وزير الخارجية الإيراني محمد جواد ظريف نظيره الروسي سيرغي لافروف في موسكو، وبحثا الأزمة السورية."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1256", "iso8859_6"])
def test_arabic_encodings_decode_to_the_same_text(encoding):
    text, used = decode_bytes(TEXT.encode(encoding))
    assert text == TEXT, used


def test_persian_letters_survive_utf8():
    text, _ = decode_bytes("ولایتي في موسکو".encode())
    assert text == "ولایتي في موسکو"


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (b"   \n\t ", "empty"),
    (bytes(range(256)) * 10, "binary"),
    (b"\x00\x01\x02PNG\x00\x00", "binary"),
])
def test_bad_bytes_are_rejected_with_a_reason(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)
