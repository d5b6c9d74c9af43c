CREATE TABLE `idempotency_keys` (
	`twin_id` text NOT NULL,
	`key` text NOT NULL,
	`record` text NOT NULL,
	PRIMARY KEY(`twin_id`, `key`)
);
