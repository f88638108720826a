"""Names of the files a signed bundle adds to a BagIt bag (shared by export, verify and import)."""

PUBLIC_KEY = "signing-key.pub"
# The audit chain's head at export, signed with the same key (core.checkpoints); a tag file, so signed twice.
AUDIT_CHECKPOINT = "audit-checkpoint.json"
# Each tag manifest gets its own detached Ed25519 signature, so that no byte of the bag is unsigned.
SIGNATURES = {"tagmanifest-sha256.txt": "signature.ed25519", "tagmanifest-sha512.txt": "signature-sha512.ed25519"}
CHECKSUMS = ["sha256", "sha512"]

# Payload files (paths inside the bag): written by export, read by verify and import.
SIGNALS = "data/signals.json"
ADS = "data/ads.json"
CASE = "data/case.json"
FTM = "data/ftm.json"
ENRICHMENT = "data/enrichment.json"
REPORT_HTML = "data/report.html"
REPORT_PDF = "data/report.pdf"
SIGNALS_CSV = "data/signals.csv"
SIGNALS_XLSX = "data/signals.xlsx"
CASE_WARC = "data/warc/case.warc.gz"
# Tag files BagIt itself defines.
BAGIT = "bagit.txt"
BAG_INFO = "bag-info.txt"
