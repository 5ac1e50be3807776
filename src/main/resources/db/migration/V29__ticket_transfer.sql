-- A ticket handed to another town centre (移交): while pending, both centres' queues list it; after a
-- refusal the sender sees why until it takes the ticket a step further. An accepted hand-over
-- leaves these empty (the owner is the receiving centre; the trail keeps the steps).
ALTER TABLE ticket ADD COLUMN transfer_from VARCHAR(50);
ALTER TABLE ticket ADD COLUMN transfer_to VARCHAR(50);
ALTER TABLE ticket ADD COLUMN transfer_reason VARCHAR(4000);
ALTER TABLE ticket ADD COLUMN transfer_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN transfer_refusal VARCHAR(4000);
