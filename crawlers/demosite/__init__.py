"""The synthetic ad world and the local demo site that serves it (for demos and tests).

`generate_world` writes a world folder with its ground truth; `serve_in_thread` serves
three demo sites (classic, profiles, search) from it. See docs/DEMO_WORLD.md.
"""
