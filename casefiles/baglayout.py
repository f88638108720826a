"""Names of the files a signed bundle adds to a BagIt bag (shared by export, verify and import)."""

PUBLIC_KEY = "signing-key.pub"
# Each tag manifest gets its own detached Ed25519 signature, so that no byte of the bag is unsigned.
SIGNATURES = {"tagmanifest-sha256.txt": "signature.ed25519", "tagmanifest-sha512.txt": "signature-sha512.ed25519"}
CHECKSUMS = ["sha256", "sha512"]
