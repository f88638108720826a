"""Models: near-duplicate text clusters, entity networks, and their evaluation.

- ``centrecluster.CentreClusterer`` (the default) and ``textcluster.TextClusterer``: MinHash + LSH
  over masked word shingles (``shingles``; seeds and signatures in ``minhash``, document
  frequencies and the boilerplate cut in ``docfreq``, both shared by the two engines),
  with templates and slots per cluster (``templates``);
- ``linking.NetworkLinker``: ads joined by phone, e-mail, handle, photo or text cluster;
- ``keys``: cluster keys that stay the same across runs and as clusters grow;
- ``jobs`` / ``store``: the ``signalstack cluster`` command on JSON Lines and on the database;
- ``evaluate``: B-cubed and adjusted Rand (the demo-world evaluation itself lives in ``benchmarks``).
"""
