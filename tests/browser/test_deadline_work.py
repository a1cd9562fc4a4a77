"""Deadline work in a real browser: paging with filters, clean intake, editors' tools, reviewers' marks, phones."""
import re

import pytest

from claims.models import Assessment, Claim
from claims.services import assessment_record, report_ingest
from events.models import ClaimLink, Event
from sources.models import Document, Source
from tests.claims.test_intake import PAGE, REPORT
from tests.factories import AttributionFactory, ClaimFactory, DocumentFactory, SourceFactory
from tests.pdfs import pdf_with_lines

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _ids(page, attribute: str) -> list[str]:
    return page.eval_on_selector_all(f"[{attribute}]", f"els => els.map(e => e.getAttribute('{attribute}'))")


def _next_and_back(page, start: str, attribute: str, kept: dict[str, str]):
    """Open a list, follow Next then Previous; every filter stays in the address and the rows come back."""
    page.goto(start)
    first = _ids(page, attribute)
    page.click("a[rel=next]")
    page.wait_for_url(re.compile(r"page=2"))
    second = _ids(page, attribute)
    assert second and not set(second) & set(first)
    for name, value in kept.items():
        assert f"{name}={value}" in page.url
    page.click("a[rel=prev]")
    page.wait_for_url(re.compile(r"page=1"))
    assert _ids(page, attribute) == first
    for name, value in kept.items():
        assert f"{name}={value}" in page.url


def test_paging_forward_and_back_keeps_the_filters_on_queue_search_and_ledger(log_in, reviewer):
    outlet = SourceFactory(name="Kept Outlet", kind="media")
    for n in range(25):
        document = DocumentFactory(outlet=outlet, text=f"Report {n}. Officials said the ferry sank.")
        AttributionFactory(claim=ClaimFactory(document=document))
    for n in range(30):
        ClaimFactory(document=DocumentFactory(text=f"Other {n}. Officials said the ferry sank too."))
    AttributionFactory()  # another outlet's claim in the queue, which the outlet filter leaves out
    page = log_in(reviewer)
    _next_and_back(page, "/review/?outlet=Kept+Outlet", "data-claim-id", {"outlet": "Kept+Outlet"})
    _next_and_back(page, "/search/?q=ferry", "data-result-id", {"q": "ferry"})
    _next_and_back(page, "/ledger/?object_type=claim&ingestion=on", "data-seq", {"object_type": "claim"})


def test_an_html_page_and_a_pdf_become_clean_claims_and_a_pasted_report_is_found_once(log_in, editor, tmp_path,
                                                                                      screenshot):
    page = log_in(editor)
    html_file = tmp_path / "town.html"
    html_file.write_text(PAGE, encoding="utf-8")
    page.set_input_files("input[name=file]", str(html_file))
    page.click("text=Ingest report")
    page.wait_for_url("**/documents/*/")
    assert page.locator("h1").inner_text() == "Town shelled overnight"
    assert "<" not in page.locator(".report").inner_text() and page.locator("[data-claim-id]").count() == 2
    screenshot("html-upload")

    pdf_file = tmp_path / "report.pdf"
    pdf_file.write_bytes(pdf_with_lines(["KABUL (Reuters) - Officials said on Friday that the road to the",
                                         "airport was closed.", "Residents said they heard gunfire overnight."]))
    page.goto("/")
    page.set_input_files("input[name=file]", str(pdf_file))
    page.click("text=Ingest report")
    page.wait_for_url("**/documents/*/")
    claims = page.locator("[data-claim-id]")
    assert claims.count() == 2
    assert claims.first.text_content() == ("KABUL (Reuters) - Officials said on Friday that the road to the "
                                           "airport was closed.")

    page.goto("/")
    page.fill("textarea[name=text]", REPORT)  # the browser sends the pasted text with CRLF line ends
    page.click("text=Ingest report")
    page.wait_for_url("**/documents/*/")
    pasted = page.url
    txt_file = tmp_path / "report.txt"
    txt_file.write_text(REPORT + "\n", encoding="utf-8")
    page.goto("/")
    page.set_input_files("input[name=file]", str(txt_file))
    page.click("text=Ingest report")
    page.wait_for_url("**/documents/*/")
    assert page.url == pasted and page.get_by_text("This report was ingested before").is_visible()
    assert Document.objects.filter(text=REPORT).count() == 1


def test_an_editor_merges_with_the_preview_corrects_an_attribution_confirms_a_link_and_makes_an_event(
        log_in, editor, screenshot):
    duplicate = SourceFactory(name="Russian Defence Ministry", kind="government")
    survivor = SourceFactory(name="Russia's defense ministry", kind="government")
    claim = AttributionFactory(source=duplicate).claim
    other = AttributionFactory(source=SourceFactory(name="Syrian Observatory", kind="ngo")).claim
    witness = SourceFactory(name="A witness in Saraqeb", kind="witness")
    page = log_in(editor)

    page.goto(f"/sources/{duplicate.pk}/merge/")
    page.fill("input[name=into]", "Russia's defense ministry")
    page.click("text=Preview the merge")
    assert "1 attribution.source row move" in page.locator("[data-merge-preview]").inner_text()
    assert Source.objects.filter(pk=duplicate.pk).exists()
    screenshot("merge-preview")
    page.fill("[data-merge-form] input[name=reason]", "The same ministry, spelled two ways")
    page.click("[data-merge-form] button")
    page.wait_for_url(f"**/sources/{survivor.pk}/")
    assert claim.attributions.get().source == survivor

    page.goto(f"/claims/{claim.pk}/")
    attribution = claim.attributions.get()
    form = page.locator(f"[data-attribution-form='{attribution.pk}']")
    page.click(f"td:has([data-attribution-form='{attribution.pk}']) summary")
    form.locator("input[name=source]").fill("A witness in Saraqeb")
    form.locator("input[name=reason]").fill("The witness said it, the ministry repeated it")
    form.locator("button").click()
    page.wait_for_url(f"**/claims/{claim.pk}/#attributions")
    assert claim.attributions.get().source == witness

    link_claim = Claim.objects.get(pk=claim.pk)
    assert page.locator(f"[data-confirm-link='{other.pk}']").count() == 1  # offered as a competing account
    page.locator(f"[data-confirm-link='{other.pk}'] button[value=contradicts]").click()
    page.wait_for_url(f"**/claims/{link_claim.pk}/#accounts")
    assert ClaimLink.objects.get().relation == "contradicts"
    assert "see claim" in page.locator("[data-verdict-links]").inner_text()

    page.fill("#event-title", "Strike on the bridge")
    page.click("[data-make-event] button")
    page.wait_for_url("**/events/*/")
    event = Event.objects.get()
    assert event.title == "Strike on the bridge"
    assert page.locator(f"a[href='/claims/{other.pk}/']").count() >= 1
    screenshot("event")


def test_a_reviewer_adds_a_new_party_while_marking_and_withdraws_a_mark(log_in, reviewer, seed_document,
                                                                        screenshot):
    SourceFactory(name="World Health Organization", kind="ngo")
    claim = seed_document.claims.get(position=1)
    page = log_in(reviewer)
    page.goto(f"/claims/{claim.pk}/")
    page.check("input[name=stance][value=disputes]")
    page.fill("input[name=source]", "World Health Organisaton")
    page.click("text=Record mark")
    assert "Did you mean “World Health Organization”?" in page.locator("[data-did-you-mean]").inner_text()
    page.fill("input[name=source]", "Idlib Health Directorate")
    page.click(".new-party summary")
    page.check("input[name=new_party]")
    page.select_option("select[name=new_kind]", "medical")
    page.click("text=Record mark")
    page.wait_for_url(f"**/claims/{claim.pk}/")
    party = Source.objects.get(name="Idlib Health Directorate")
    mark = Assessment.objects.get(source=party)
    assert party.kind == "medical" and mark.reviewer == reviewer

    page.click(f"[data-mark-id='{mark.pk}'] summary")
    page.fill(f"#withdraw-{mark.pk}", "Marked the wrong claim")
    page.click(f"[data-withdraw-mark='{mark.pk}'] button")
    page.wait_for_url(f"**/claims/{claim.pk}/#marks")
    mark.refresh_from_db()
    assert mark.withdrawal_reason == "Marked the wrong claim"
    assert "Idlib Health Directorate's mark was withdrawn" in page.locator("[data-verdict-reason]").inner_text()
    screenshot("mark-withdrawn")


def test_every_page_fits_a_phone_without_sideways_scrolling(chromium, live_server, settings, admin_user, reviewer,
                                                            seed_document):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    claim = seed_document.claims.get(position=13)
    other = report_ingest(text="BEIRUT (Reuters) - Rebels said the ministry's planes struck a hospital in Idlib.",
                          actor="command:tests").document.claims.first()
    assessment_record(claim=claim, source=claim.attributions.get().source, stance="denies", reviewer=reviewer,
                      actor="user:rita")
    from events.services import claim_link_confirm, event_create

    claim_link_confirm(claim=claim, other=other, relation="contradicts", reviewer=reviewer, actor="user:rita")
    event = event_create(title="Strikes on Idlib hospitals", claims=[claim, other], actor="command:tests")
    source = claim.attributions.get().source
    context = chromium.new_context(base_url=live_server.url, viewport=PHONE, is_mobile=True)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("input[name=username]", admin_user.username)
    page.fill("input[name=password]", "correct horse battery staple")
    page.click("button[type=submit]")
    page.wait_for_url("**/")
    pages = ["/", f"/documents/{seed_document.pk}/", f"/claims/{claim.pk}/", "/search/?q=hospitals",
             "/search/?q=hospitals&group=source", "/sources/", f"/sources/{source.pk}/",
             f"/sources/{source.pk}/merge/?into={other.attributions.first().source_id}", "/review/", "/ledger/",
             "/ledger/?ingestion=on", "/events/", f"/events/{event.pk}/", "/users/", "/accounts/password_change/"]
    wide = {}
    for url in pages:
        assert page.goto(url).status == 200, url
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if width[0] > width[1]:
            wide[url] = width
    context.close()
    assert wide == {}
