"""Unit tests: user settings validation, the atomic settings store, the project salt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from redacta.redaction.salt import project_salt
from redacta.redaction.user_settings import UserSettings, UserSettingsStore


def test_defaults_when_no_file(tmp_path: Path) -> None:
    store = UserSettingsStore(tmp_path)
    assert store.get() == UserSettings()
    assert not store.path.exists()


def test_save_then_reload(tmp_path: Path) -> None:
    settings = UserSettings.model_validate(
        {
            "allow_list": ["Acme"],
            "deny_lists": {"PROJECT": ["Bluebird"]},
            "custom_recognizers": [
                {"name": "employee id", "entity_type": "EMPLOYEE_ID", "pattern": r"EMP-\d{4}"}
            ],
            "enabled_entities": ["PERSON", "EMAIL_ADDRESS"],
            "score_threshold": 0.5,
            "default_operators": {
                "PERSON": {"type": "pseudonymize"},
                "DEFAULT": {"type": "redact"},
            },
        }
    )
    UserSettingsStore(tmp_path).save(settings)
    assert UserSettingsStore(tmp_path).get() == settings
    # Written atomically: no temp file left beside it.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_damaged_file_is_moved_aside(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("{not json")
    store = UserSettingsStore(tmp_path)
    assert store.get() == UserSettings()
    assert (tmp_path / "settings.damaged.json").read_text() == "{not json"


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (
            {"custom_recognizers": [{"name": "x", "entity_type": "X", "pattern": "(a"}]},
            "Invalid regular expression",
        ),
        (
            {"custom_recognizers": [{"name": "x", "entity_type": "X", "pattern": "(a+)+$"}]},
            "too slow",
        ),
        (
            {"custom_recognizers": [{"name": "x", "entity_type": "lower", "pattern": "a"}]},
            "upper-case",
        ),
        ({"deny_lists": {"X": [" "]}}, "empty values"),
        ({"score_threshold": 2}, "less than or equal to 1"),
        ({"default_operators": {"PERSON": {"type": "encrypt", "key": "k"}}}, "16, 24 or 32"),
        ({"unknown": 1}, "Extra inputs"),
        (
            {
                "custom_recognizers": [
                    {"name": "x", "entity_type": "X", "pattern": "a"},
                    {"name": "x", "entity_type": "Y", "pattern": "b"},
                ]
            },
            "unique",
        ),
    ],
)
def test_invalid_settings_say_why(payload: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        UserSettings.model_validate(payload)


def test_project_salt_is_created_once(tmp_path: Path) -> None:
    salt = project_salt(tmp_path)
    assert len(salt) == 32
    assert project_salt(tmp_path) == salt
    assert (tmp_path / "hash-salt.bin").read_bytes() == salt
    other = tmp_path / "other"
    assert project_salt(other) != salt


def test_settings_file_is_plain_json(tmp_path: Path) -> None:
    UserSettingsStore(tmp_path).save(UserSettings(allow_list=["Acme"]))
    data = json.loads((tmp_path / "settings.json").read_text())
    assert data["allow_list"] == ["Acme"]


def test_unwritable_data_dir_still_gives_a_salt(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    salt = project_salt(blocker / "data")  # cannot create a folder under a file
    assert len(salt) == 32
