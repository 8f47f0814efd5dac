from marsad.ingest.html import extract_html

PAGE = """<!doctype html><html dir="rtl" lang="ar"><head><title>عنوان الصفحة | موقع الأخبار</title>
<meta property="og:title" content="شويغو يزور دمشق ويلتقي الأسد">
<meta property="og:site_name" content="موقع الأخبار">
<meta property="article:published_time" content="2017-09-12T09:00:00+03:00"></head>
<body><header><nav><a href="/">الرئيسية</a> | <a href="/politics">سياسة</a> | <a href="/sport">رياضة</a></nav></header>
<div class="cookie">نستخدم ملفات تعريف الارتباط لتحسين تجربتك. موافق</div>
<main><article><h1>شويغو يزور دمشق ويلتقي الأسد</h1>
<p>وصل وزير الدفاع الروسي سيرغي شويغو إلى العاصمة السورية دمشق في زيارة لم يعلن عنها مسبقا، والتقى خلالها
الرئيس بشار الأسد لبحث سير العمليات العسكرية في دير الزور.</p>
<p>وقالت وكالة الأنباء السورية إن الجانبين ناقشا أيضا ملف إعادة الإعمار والتعاون بين وزارتي الدفاع في البلدين.</p>
</article></main><aside><h3>الأكثر قراءة</h3><ul><li><a href="/a">خبر رياضي</a></li></ul></aside>
<footer>جميع الحقوق محفوظة © 2017</footer></body></html>"""


def test_main_content_and_metadata():
    art = extract_html(PAGE)
    assert "سيرغي شويغو" in art.text and "إعادة الإعمار" in art.text
    assert "ملفات تعريف الارتباط" not in art.text and "جميع الحقوق" not in art.text
    assert art.title == "شويغو يزور دمشق ويلتقي الأسد"
    assert art.outlet == "موقع الأخبار"
    assert art.published == "2017-09-12"
    assert art.removed_chars > 0


def test_no_date_in_markup_means_no_date():
    page = PAGE.replace('<meta property="article:published_time" content="2017-09-12T09:00:00+03:00">', "")
    page = page.replace("© 2017", "")
    assert extract_html(page).published is None
