import { CheckinApp } from "@/components/checkin/checkin-app";

export default function CheckinPage() {
  return <CheckinApp />;
}
