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
