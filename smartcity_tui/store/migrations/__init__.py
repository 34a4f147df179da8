"""One module per schema step: vN.upgrade turns a version-N plan file's data into N+1."""
