"""The owner's privacy setting: automatic erasure of inactive customers."""
