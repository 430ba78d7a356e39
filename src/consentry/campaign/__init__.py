"""The campaign file: its fields, typed model, loader and JSON Schema."""

from consentry.campaign.fields import FIELDS, FIELDS_BY_PATH, FieldSpec, Kind
from consentry.campaign.load import load_campaign, parse_campaign
from consentry.campaign.model import Address, Brand, Campaign, CampaignSpec, LoadedCampaign
from consentry.campaign.schema import json_schema

__all__ = [
    "FIELDS",
    "FIELDS_BY_PATH",
    "Address",
    "Brand",
    "Campaign",
    "CampaignSpec",
    "FieldSpec",
    "Kind",
    "LoadedCampaign",
    "json_schema",
    "load_campaign",
    "parse_campaign",
]
