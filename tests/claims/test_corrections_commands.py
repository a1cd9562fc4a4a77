"""`export_corrections` turns editors' attribution corrections into labelled reports; `score_extraction` scores them."""
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from claims.extraction import extract
from claims.services import attribution_add, attribution_remove, attribution_update
from sources.services import source_resolve

EDITOR = "user:edna"


def _today() -> str:
    return timezone.now().date().isoformat()


def _correct_seed(document) -> None:
    """Three corrections an editor might make: drop a party, repoint a denial, attribute a reporter's line."""
    claims = {c.position: c for c in document.claims.all()}
    witnesses = claims[1].attributions.get(name_as_written="witnesses")
    attribution_remove(attribution=witnesses, actor=EDITOR, reason="the witnesses are the rebels' own")
    observatory, _ = source_resolve(name="Syrian Observatory for Human Rights", actor=EDITOR)
    denial = claims[13].attributions.get()
    attribution_update(attribution=denial, actor=EDITOR, reason="wrong party", source=observatory)
    defence, _ = source_resolve(name="Syrian Civil Defence", actor=EDITOR)
    attribution_add(claim=claims[2], source=defence, actor=EDITOR, cue="said", reason="their figures")


def _export(tmp_path, since=None) -> tuple[str, list]:
    out = tmp_path / "corrections"
    call_command("export_corrections", "--since", since or _today(), "--out", str(out))
    return str(out), sorted(out.glob("*.json")) if out.exists() else []


@pytest.mark.django_db
def test_an_ingested_report_without_corrections_exports_nothing(seed_document, tmp_path, capsys):
    _, golds = _export(tmp_path)
    assert golds == []
    assert "No attribution corrections" in capsys.readouterr().out


@pytest.mark.django_db
def test_a_corrected_report_is_exported_with_its_attributions_as_they_stand(seed_document, seed_text, tmp_path):
    _correct_seed(seed_document)
    out, golds = _export(tmp_path)
    assert len(golds) == 1
    gold = json.loads(golds[0].read_text(encoding="utf-8"))
    sentences = gold["sentences"]
    assert len(sentences) == seed_document.claims.count() == 19
    assert sentences[0]["sources"] == ["rebels"]
    assert sentences[1]["sources"] == ["Syrian Civil Defence"] and sentences[1]["cue"] == "said"
    assert sentences[12]["sources"] == ["Syrian Observatory for Human Rights"] and sentences[12]["stance"] == "deny"
    engine = extract(seed_text)
    assert sentences[3]["sources"] == [s.name for s in engine[3].sources]  # untouched: as the engine had it
    assert (tmp_path / "corrections" / gold["article"]).read_text(encoding="utf-8").endswith(seed_text)


@pytest.mark.django_db
def test_corrections_before_the_date_are_left_out(seed_document, tmp_path):
    _correct_seed(seed_document)
    tomorrow = (timezone.now() + timezone.timedelta(days=1)).date().isoformat()
    _, golds = _export(tmp_path, since=tomorrow)
    assert golds == []


@pytest.mark.django_db
def test_score_extraction_round_trips_the_corrected_seed_report(seed_document, tmp_path, capsys):
    """The engine still says what it said at ingest: exactly the three corrected sentences now differ."""
    _correct_seed(seed_document)
    out, _ = _export(tmp_path)
    capsys.readouterr()
    call_command("score_extraction", out, "--verbose")
    printed = capsys.readouterr().out
    # 15 engine sources; gold 15 (one removed, one added); 13 still match: P = R = 13/15
    assert "articles=1 sentences=19 skipped=0 gold_sources=15" in printed
    assert "attribution F1=0.867 P=0.867 R=0.867 sentence_exact=0.842" in printed  # 16 of 19 exact
    assert {line.split(":")[0].split("#")[1] for line in printed.splitlines() if "#" in line} == {"1", "2", "13"}


@pytest.mark.django_db
def test_an_uncorrected_export_scores_perfectly(seed_document, tmp_path, capsys):
    claim = seed_document.claims.get(position=4)
    attribution = claim.attributions.get()
    attribution_update(attribution=attribution, actor=EDITOR, reason="typo only", cue=attribution.cue + " ")
    out, golds = _export(tmp_path)
    assert len(golds) == 1
    call_command("score_extraction", out)
    assert "attribution F1=1.000 P=1.000 R=1.000 sentence_exact=1.000" in capsys.readouterr().out


def test_score_extraction_needs_a_folder(tmp_path):
    with pytest.raises(CommandError, match="is not a folder"):
        call_command("score_extraction", str(tmp_path / "missing"))


def test_score_extraction_names_a_gold_file_without_its_report(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"article": "a.txt", "sentences": []}), encoding="utf-8")
    with pytest.raises(CommandError, match="a.json: its report a.txt is missing"):
        call_command("score_extraction", str(tmp_path))


def test_score_extraction_refuses_a_folder_with_no_labelled_reports(tmp_path):
    with pytest.raises(CommandError, match="holds no labelled reports"):
        call_command("score_extraction", str(tmp_path))


def test_score_extraction_fails_below_the_floor_asked_for(tmp_path):
    (tmp_path / "a.txt").write_text("Police said the road was shut.\n", encoding="utf-8")
    gold = {"article": "a.txt", "sentences": [{"text": "Police said the road was shut.", "sources": ["army"],
                                               "cue": "said", "stance": "assert"}]}
    (tmp_path / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(CommandError, match="below --min-f1 0.5"):
        call_command("score_extraction", str(tmp_path), "--min-f1", "0.5")


@pytest.mark.django_db
def test_export_corrections_refuses_a_date_it_cannot_read(tmp_path):
    with pytest.raises(CommandError, match="not an ISO date"):
        call_command("export_corrections", "--since", "last tuesday", "--out", str(tmp_path))
