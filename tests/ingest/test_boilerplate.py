from marsad.ingest.boilerplate import clean_text

BODY = "أعلنت وزارة الدفاع الروسية أمس سحب جزء من قواتها من سوريا."


def test_share_print_and_read_also_lines_are_removed():
    raw = f"عنوان\nشارك المقال\nطباعة\n{BODY}\nاقرأ أيضا: روسيا تعزز وجودها في حميميم\n{BODY}"
    res = clean_text(raw)
    assert "شارك" not in res.text and "طباعة" not in res.text and "اقرأ" not in res.text
    assert res.text.count(BODY) == 2
    assert res.removed_chars == sum(1 for c in "شارك المقالطباعةاقرأ أيضا: روسيا تعزز وجودها في حميميم"
                                    if not c.isspace())


def test_image_ids_and_shortcodes_are_removed_inline_and_counted():
    raw = f"{BODY} GettyImages-493525736\n[covid19-ultimate-card region=\"SA\" style=\"1\"]\nالأسد_28\n{BODY}"
    res = clean_text(raw)
    assert "GettyImages" not in res.text and "covid19" not in res.text and "الأسد_28" not in res.text
    assert res.removed_chars >= len("GettyImages-493525736") + len("الأسد_28")


def test_content_lines_that_start_like_boilerplate_are_kept():
    line = "شارك الآلاف في تظاهرة وسط بغداد للمطالبة بانسحاب القوات الأجنبية."
    res = clean_text(f"{line}\n{BODY}")
    assert line in res.text and res.removed_chars == 0


def test_byline_with_date_and_related_headlines_tail():
    raw = (f"بقلم: أحمد علي | 12/09/2017 10:30\n{BODY}\n\nمواضيع ذات صلة\n"
           "إيران ترسل مستشارين إلى حلب\nموسكو تنفي استهداف المدنيين")
    res = clean_text(raw)
    assert res.text == BODY
    assert "بقلم" not in res.text and "موسكو تنفي" not in res.text


def test_metadata_lines_are_read_not_kept():
    raw = f"عنوان الخبر\nالمصدر: وكالة سانا\nنشر في: 12 أيلول 2017\n{BODY}"
    res = clean_text(raw)
    assert res.meta["outlet"] == "وكالة سانا"
    assert res.meta["published"] == "12 أيلول 2017"
    assert "المصدر" not in res.text and "نشر في" not in res.text


def test_a_sentence_starting_with_nashr_is_not_metadata():
    line = "نشر الجيش السوري تعزيزات جديدة في ريف حلب الجنوبي."
    assert line in clean_text(line + "\n" + BODY).text


def test_unlabelled_headline_list_at_the_end_is_removed():
    raw = (f"{BODY}\n\nوأكد المتحدث أن العمليات ستستمر حتى تحقيق أهدافها.\n\n"
           "روسيا تنشر منظومات دفاع جوي جديدة في حميميم\n\nطهران تستضيف اجتماعا ثلاثيا الشهر المقبل\n\n"
           "أنقرة تحذر من موجة نزوح جديدة\n\n>>")
    res = clean_text(raw)
    assert res.text.endswith("حتى تحقيق أهدافها.")
    assert "حميميم" not in res.text and ">>" not in res.text


def test_two_short_closing_lines_are_not_a_headline_list():
    raw = f"{BODY}\nالمصدر الأول\nالمصدر الثاني"
    assert clean_text(raw).text.endswith("المصدر الثاني")


def test_subscription_comment_and_follow_prompts_are_removed():
    raw = (f"{BODY}\nتابع موقعنا على التلغرام telegram\nلم تشترك بعد\nاترك تعليقاً\n"
           f"لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *\n2 + اثنان =\n{BODY}")
    res = clean_text(raw)
    assert res.text == f"{BODY}\n{BODY}"


def test_long_shortcode_with_curly_quotes_is_removed():
    code = "[covid19-ultimate-card region=”EG” " + "label=”اجمالي الحالات” " * 30 + "]"
    res = clean_text(f"{BODY}\n{code}\n{BODY}")
    assert "covid19" not in res.text and res.removed_chars > 300
