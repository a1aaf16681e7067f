"""kuvadigi: the budget and cost-estimate calculator of the Culture and Leisure Division's
digitalisation programme 2019-2022 (City of Helsinki)."""

__version__ = "0.1.0"
