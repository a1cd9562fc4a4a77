"""Settings read the environment through helpers that refuse bad values loudly."""
import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_choice, env_file_text, env_int, env_list


def test_env_bool_accepts_usual_spellings(monkeypatch):
    monkeypatch.setenv("FLAG", "Yes")
    assert env_bool("FLAG") is True


def test_env_bool_refuses_nonsense(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        env_bool("FLAG")


def test_env_int_refuses_text(monkeypatch):
    monkeypatch.setenv("COUNT", "ten")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("COUNT", 1)


def test_env_int_refuses_values_below_minimum(monkeypatch):
    monkeypatch.setenv("COUNT", "0")
    with pytest.raises(ImproperlyConfigured, match="minimum"):
        env_int("COUNT", 1, minimum=1)


def test_env_int_default_when_unset(monkeypatch):
    monkeypatch.delenv("COUNT", raising=False)
    assert env_int("COUNT", 7) == 7


def test_env_list_splits_and_trims(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example , b.example,, ")
    assert env_list("HOSTS", []) == ["a.example", "b.example"]


def test_env_file_text_reports_unreadable_file(monkeypatch, tmp_path):
    monkeypatch.setenv("KEY_FILE", str(tmp_path / "missing"))
    with pytest.raises(ImproperlyConfigured, match="cannot be read"):
        env_file_text("KEY_FILE")


def test_sqlite_is_set_up_for_concurrent_writers(settings):
    options = settings.DATABASES["default"].get("OPTIONS", {})
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite only")
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]


def test_env_file_text_expands_the_home_directory(monkeypatch, tmp_path):
    (tmp_path / "secret").write_text("  s3cret\n")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("KEY_FILE", "~/secret")
    assert env_file_text("KEY_FILE") == "s3cret"


def test_env_choice_refuses_a_word_outside_its_choices(monkeypatch):
    monkeypatch.setenv("COMPETING_RANKING", "magic")
    with pytest.raises(ImproperlyConfigured, match="combined, current"):
        env_choice("COMPETING_RANKING", "combined", ["combined", "current"])


def test_env_choice_reads_a_listed_word_in_any_case(monkeypatch):
    monkeypatch.setenv("COMPETING_RANKING", " Current ")
    assert env_choice("COMPETING_RANKING", "combined", ["combined", "current"]) == "current"
