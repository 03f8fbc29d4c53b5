# Packaging placeholder replaced below.
