-- References (URLs) to the pictures a request came with (a grid worker's photos), one per line.
ALTER TABLE ticket ADD COLUMN photo_refs VARCHAR(5000);
