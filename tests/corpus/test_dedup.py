import subprocess
import sys

import pytest

from marsad.corpus import find_duplicates

STORY = ("أعلنت وزارة الدفاع الروسية في بيان اليوم الثلاثاء أن وحدات من الشرطة العسكرية الروسية انتشرت في "
         "محيط مدينة منبج شمال سوريا، وذلك بعد انسحاب القوات الأمريكية من المنطقة. وأضاف البيان أن الدوريات "
         "ستتواصل على طول خطوط التماس بين الجيش السوري وقوات سوريا الديمقراطية لمنع أي احتكاك بين الطرفين، "
         "مشيرا إلى أن التنسيق مع الجانب التركي يجري عبر القنوات العسكرية المعتادة. وكانت أنقرة قد هددت "
         "بشن عملية عسكرية في المنطقة خلال الأسابيع الماضية.")
COPY = ("موسكو - وكالات: " + STORY.replace("اليوم الثلاثاء", "الثلاثاء").replace("المعتادة", "المعروفة")
        + " تابعوا آخر الأخبار على موقعنا.")
OTHER = ("قالت مصادر محلية في منبج إن رتلا عسكريا روسيا دخل المدينة مساء الثلاثاء قادما من حلب، وسط ترحيب "
         "من بعض السكان وقلق لدى آخرين من عودة مؤسسات الحكومة السورية. وأكد مسؤول في المجلس العسكري أن "
         "الاتفاق مع الروس لا يشمل تسليم المدينة، وأن الإدارة المحلية ستبقى في مكانها حتى إشعار آخر.")


def test_syndicated_copy_is_a_duplicate_of_the_earlier_story():
    dups = find_duplicates([("a", STORY), ("b", COPY), ("c", OTHER)])
    assert [(d.doc_id, d.duplicate_of) for d in dups] == [("b", "a")]
    assert 0.5 <= dups[0].similarity <= 1.0


def test_different_articles_about_the_same_event_are_not_merged():
    assert find_duplicates([("a", STORY), ("c", OTHER)]) == []


def test_empty_and_tiny_documents_do_not_crash():
    dups = find_duplicates([("a", ""), ("b", "خبر"), ("c", "خبر")])
    assert [(d.doc_id, d.duplicate_of) for d in dups] == [("c", "b")]


def test_signatures_candidates_and_similarities_are_datasketchs():
    """The in-project MinHash-LSH must give exactly what datasketch gives (the results of earlier
    runs and the documented behaviour depend on it)."""
    datasketch = pytest.importorskip("datasketch")
    from marsad.corpus import dedup

    texts = [STORY, COPY, OTHER, "خبر", "", STORY[: len(STORY) // 2], COPY.replace("منبج", "حلب")]
    template = datasketch.MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED)
    for text in texts:
        ref = datasketch.MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, hashfunc=lambda v: v,
                                 permutations=template.permutations, scheme=template.scheme)
        sh = dedup.shingle_hashes(text)
        if len(sh):
            ref.update_batch(sh.tolist())
        assert dedup.signature(text).tolist() == ref.hashvalues.tolist()
    lsh = datasketch.MinHashLSH(threshold=dedup.THRESHOLD, num_perm=dedup.NUM_PERM)
    assert dedup._lsh_params(dedup.THRESHOLD, dedup.NUM_PERM) == (lsh.b, lsh.r)
    a, b = dedup.signature(STORY), dedup.signature(COPY)
    ref_a = datasketch.MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, hashvalues=a, scheme=template.scheme)
    ref_b = datasketch.MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, hashvalues=b, scheme=template.scheme)
    assert dedup.jaccard(a, b) == ref_a.jaccard(ref_b)


def test_a_plain_run_does_not_import_scipy():
    """Finding duplicates needs neither datasketch nor SciPy at run time (start-up time and memory)."""
    code = ("import sys; from marsad.corpus import finalize, find_duplicates; "
            "find_duplicates([('a', 'خبر عاجل من دمشق'), ('b', 'خبر عاجل من دمشق')]); "
            "print('scipy' in sys.modules, 'datasketch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
