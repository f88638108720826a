"""Models: near-duplicate text clusters, entity networks, and their evaluation.

- ``textcluster.TextClusterer``: MinHash + LSH over masked word shingles (``shingles``),
  with templates and slots per cluster (``templates``);
- ``linking.NetworkLinker``: ads joined by phone, e-mail, handle, photo or text cluster;
- ``keys``: cluster keys that stay the same across runs and as clusters grow;
- ``jobs`` / ``store``: the ``signalstack cluster`` command on JSON Lines and on the database;
- ``evaluate``: B-cubed and adjusted Rand (the demo-world evaluation itself lives in ``benchmarks``).
"""
