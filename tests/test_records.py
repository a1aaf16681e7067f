"""The records (`kuvadigi.records`) mirror the models (`kuvadigi.models`): every model
has a record of the same name with the same fields in the same order, and a validated
file's record holds the values its model does."""

from __future__ import annotations

import dataclasses
from typing import Any

from pydantic import BaseModel

from kuvadigi import models, records
from kuvadigi.loader import _load, budget_path, estimate_path, shipped_data


def _data_models() -> list[type[models.Model]]:
    return [
        value
        for value in vars(models).values()
        if isinstance(value, type)
        and issubclass(value, models.Model)
        and value is not models.Model
    ]


def test_every_model__has_a_record_with_its_fields() -> None:
    for model in _data_models():
        record = getattr(records, model.__name__)

        fields = [field.name for field in dataclasses.fields(record)]
        assert fields == list(model.model_fields), model.__name__


def _as_plain(value: Any) -> Any:
    """A model or record as nested dicts and lists, to compare the two."""
    if isinstance(value, BaseModel):
        return {
            name: _as_plain(getattr(value, name)) for name in type(value).model_fields
        }
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: _as_plain(getattr(value, field.name))
            for field in dataclasses.fields(value)
        }
    if isinstance(value, list):
        return [_as_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _as_plain(item) for key, item in value.items()}
    return value


def test_shipped_data__records_hold_the_models_values() -> None:
    folder = shipped_data()
    budget = _load(budget_path(folder), models.Budget)
    estimate = _load(estimate_path(folder), models.Estimate)
    programme = _load(folder / "programme.yaml", models.Programme)

    for model, record in (
        (budget, models.budget_record(budget)),
        (estimate, models.estimate_record(estimate)),
        (programme, models.programme_record(programme)),
    ):
        assert type(record).__name__ == type(model).__name__
        assert _as_plain(record) == _as_plain(model)
