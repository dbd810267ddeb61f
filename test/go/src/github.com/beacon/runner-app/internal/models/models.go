// Package models holds the job specification shared by the runner's packages.
package models

// ModelSpec names one model a job runs on.
type ModelSpec struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Provider string `json:"provider"`
}

// JobSpec is a job as submitted: questions × models × regions.
type JobSpec struct {
	ID        string      `json:"id"`
	Version   string      `json:"version"`
	Questions []string    `json:"questions"`
	Models    []ModelSpec `json:"models"`
	Regions   []string    `json:"regions"`
}
