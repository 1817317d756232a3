"""Cluster-policy extraction pipeline: documents in, validated provenance-carrying records out."""

__version__ = "0.1.0"
