CREATE TABLE other_things (id INT PRIMARY KEY);
