INSERT INTO notes VALUES (2, 'added after the rename');
