CREATE TABLE `events` (
	`twin_id` text NOT NULL,
	`seq` integer NOT NULL,
	`at` integer NOT NULL,
	`msisdn` text NOT NULL,
	`type` text NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`twin_id`, `seq`)
);
--> statement-breakpoint
CREATE INDEX `events_by_msisdn` ON `events` (`twin_id`,`msisdn`,`at`);--> statement-breakpoint
CREATE TABLE `snapshots` (
	`twin_id` text NOT NULL,
	`seq` integer NOT NULL,
	`at` integer NOT NULL,
	`hash` text NOT NULL,
	`state` text NOT NULL,
	PRIMARY KEY(`twin_id`, `seq`)
);
--> statement-breakpoint
CREATE TABLE `twins` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`seed` text NOT NULL,
	`start_at` integer NOT NULL,
	`catalog` text NOT NULL,
	`created_seq` integer DEFAULT 0 NOT NULL
);
