ALTER TABLE "clock_events" ALTER COLUMN "latitude" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "clock_events" ALTER COLUMN "longitude" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "clock_events" ADD COLUMN "position_anonymised_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "clock_events_position_kept_idx" ON "clock_events" USING btree ("tenant_id","device_time") WHERE "clock_events"."latitude" is not null;