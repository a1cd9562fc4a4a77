"""What a claim says without who says it: the text its sentence embedding is computed from."""
import pytest

from claims.models import Claim
from claims.services import report_ingest
from events import embedding
from events.selectors import statement_of
from events.services import claims_read
from events.statement import unattributed


def test_the_speakers_name_and_cue_are_cut_from_a_trailing_attribution():
    assert unattributed("No one was hurt, the ministry said.", [("the ministry", "said")]) == "No one was hurt."


def test_a_leading_attribution_is_cut():
    text = "Indian government sources said no shots were fired."
    assert unattributed(text, [("Indian government sources", "said")]) == "no shots were fired."


def test_according_to_is_cut_with_its_source():
    assert unattributed("According to the army, nine people were killed.",
                        [("the army", "According to")]) == "nine people were killed."


def test_a_quotation_keeps_its_words_and_loses_its_frame():
    text = "\u201cWe will never abandon the shoal,\u201d said Jonathan Malaya."
    assert unattributed(text, [("Jonathan Malaya", "said")]) == "\u201cWe will never abandon the shoal\u201d."


def test_the_cue_nearest_the_name_is_cut():
    text = "The army said the curfew in the northern districts was lifted at noon, witnesses said."
    assert unattributed(text, [("witnesses", "said")]) == (
        "The army said the curfew in the northern districts was lifted at noon.")


def test_a_cue_far_from_the_name_is_left_alone():
    text = "Witnesses saw soldiers at the gate before dawn and the curfew, the army later said, began at noon."
    assert unattributed(text, [("Witnesses", "said")]).endswith("the army later said, began at noon.")


def test_every_attribution_is_cut():
    text = "Rebels and witnesses said the market was shelled."
    assert unattributed(text, [("Rebels", "said"), ("witnesses", "")]) == "and the market was shelled."


def test_a_sentence_that_would_be_left_too_short_is_kept_whole():
    assert unattributed("It denies it.", [("It", "denies")]) == "It denies it."


def test_a_name_not_in_the_text_changes_nothing():
    assert unattributed("Nine people were killed.", [("the army", "")]) == "Nine people were killed."


@pytest.mark.django_db
def test_the_reporters_own_voice_is_not_cut():
    report_ingest(text="Nine people were killed in the market on Friday.", actor="command:tests")
    claim = Claim.objects.get()
    assert statement_of(claim) == claim.text


@pytest.mark.django_db
@pytest.mark.skipif(not embedding.available(), reason="the embedding model is not installed")
def test_one_statement_from_two_speakers_is_embedded_alike():
    report_ingest(text="The army said nine people were killed in the market.\n\n"
                       "Nine people were killed in the market, witnesses said.", actor="command:tests")
    army, witnesses = Claim.objects.order_by("position")
    claims_read(claims=[army, witnesses])
    vectors = [embedding.from_bytes(c.embedding.vector) for c in Claim.objects.order_by("position")]
    assert float(vectors[0] @ vectors[1]) > 0.99


@pytest.mark.django_db
def test_a_vector_of_the_whole_sentence_from_before_is_read_again():
    from events.models import ClaimEmbedding
    from events.selectors import claims_to_read

    report_ingest(text="Nine people were killed in the market, witnesses said.", actor="command:tests")
    claim = Claim.objects.get()
    ClaimEmbedding.objects.filter(claim=claim).delete()
    ClaimEmbedding.objects.create(claim=claim, model="all-MiniLM-L6-v2/int8-onnx", text_sha256="0" * 64,
                                  vector=b"\0" * 4 * embedding.DIMENSIONS)
    assert claims_to_read(embedding.MODEL_NAME) == [claim.pk]


@pytest.mark.django_db
def test_a_vector_of_the_statement_as_it_stands_is_not_read_again():
    from events.models import ClaimEmbedding
    from events.selectors import claims_to_read
    from sources.services import text_sha256

    report_ingest(text="Nine people were killed in the market, witnesses said.", actor="command:tests")
    claim = Claim.objects.get()
    ClaimEmbedding.objects.filter(claim=claim).delete()
    ClaimEmbedding.objects.create(claim=claim, model=embedding.MODEL_NAME, text_sha256=text_sha256(statement_of(claim)),
                                  vector=b"\0" * 4 * embedding.DIMENSIONS)
    assert claims_to_read(embedding.MODEL_NAME) == []
    ClaimEmbedding.objects.filter(claim=claim).update(text_sha256=text_sha256(claim.text))  # the whole sentence's
    assert claims_to_read(embedding.MODEL_NAME) == [claim.pk]
