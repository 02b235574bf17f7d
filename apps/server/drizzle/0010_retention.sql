ALTER TABLE "clock_events" ALTER COLUMN "latitude" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "clock_events" ALTER COLUMN "longitude" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "clock_events" ADD COLUMN "position_anonymised_at" timestamp with time zone;