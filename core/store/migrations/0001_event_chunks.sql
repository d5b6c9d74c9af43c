CREATE TABLE `event_chunks` (
	`twin_id` text NOT NULL,
	`first_seq` integer NOT NULL,
	`last_seq` integer NOT NULL,
	`first_at` integer NOT NULL,
	`last_at` integer NOT NULL,
	`n` integer NOT NULL,
	`data` blob NOT NULL,
	`dir` blob,
	PRIMARY KEY(`twin_id`, `first_seq`)
);
--> statement-breakpoint
CREATE INDEX `event_chunks_with_dir` ON `event_chunks` (`twin_id`,`last_at`) WHERE "event_chunks"."dir" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `event_refs` (
	`twin_id` text NOT NULL,
	`msisdn` text NOT NULL,
	`last_at` integer NOT NULL,
	`first_seq` integer NOT NULL,
	`first_at` integer NOT NULL,
	`lines` text NOT NULL,
	PRIMARY KEY(`twin_id`, `msisdn`, `last_at`, `first_seq`)
) WITHOUT ROWID;
--> statement-breakpoint
-- A log written before chunks: each old event row becomes a chunk of one JSON line (the old rows
-- are already in the line format), with its per-number reference.
INSERT INTO `event_chunks` (`twin_id`, `first_seq`, `last_seq`, `first_at`, `last_at`, `n`, `data`)
  SELECT `twin_id`, `seq`, `seq`, `at`, `at`, 1, CAST(`data` AS BLOB) FROM `events`;
--> statement-breakpoint
INSERT INTO `event_refs` (`twin_id`, `msisdn`, `last_at`, `first_seq`, `first_at`, `lines`)
  SELECT `twin_id`, `msisdn`, `at`, `seq`, `at`, '0:0' FROM `events` WHERE `msisdn` <> '';
--> statement-breakpoint
DROP TABLE `events`;