// Source: written by us from the tools and techniques that public ML / software job
// postings most often name, and those in the seed prep document (AWS, Kubernetes, RLHF,
// fine-tuning, CI/CD). `name` is how the tool is written in a question; `kind` decides
// which follow-up it draws ("experience with…" for tools, "how did you evaluate…" for
// techniques).

export interface ToolTerm {
  /** Lower-case phrases that name it. */
  terms: readonly string[];
  name: string;
  kind: "tool" | "technique";
  /**
   * A programming or query language: shown by what is written in it (FastAPI is Python), so no
   * library of it is a merely related tool. Tailor's related-tool check reads this.
   */
  language?: true;
  /** The follow-up an interviewer asks about it; `{name}` is replaced. */
  question?: string;
}

export const TOOL_TERMS: readonly ToolTerm[] = [
  { terms: ["kubernetes", "k8s", "eks", "gke", "aks"], name: "Kubernetes", kind: "tool" },
  { terms: ["docker", "containers", "containerised", "containerized"], name: "Docker", kind: "tool" },
  { terms: ["aws", "amazon web services", "ec2", "s3", "lambda"], name: "AWS", kind: "tool" },
  { terms: ["gcp", "google cloud", "bigquery", "vertex ai"], name: "Google Cloud", kind: "tool" },
  { terms: ["azure"], name: "Azure", kind: "tool" },
  { terms: ["terraform", "cloudformation"], name: "infrastructure as code (Terraform)", kind: "tool" },
  { terms: ["pytorch"], name: "PyTorch", kind: "tool" },
  { terms: ["tensorflow", "keras"], name: "TensorFlow", kind: "tool" },
  { terms: ["scikit-learn", "sklearn", "scikit"], name: "scikit-learn", kind: "tool" },
  { terms: ["xgboost", "lightgbm"], name: "gradient boosting (XGBoost)", kind: "tool" },
  { terms: ["hugging face", "huggingface"], name: "Hugging Face", kind: "tool" },
  { terms: ["langchain", "llamaindex"], name: "LangChain", kind: "tool" },
  { terms: ["spark", "pyspark", "databricks"], name: "Spark", kind: "tool" },
  { terms: ["airflow", "kubeflow", "prefect"], name: "pipeline orchestration (Airflow)", kind: "tool" },
  { terms: ["mlflow", "weights & biases", "wandb"], name: "experiment tracking (MLflow)", kind: "tool" },
  { terms: ["sagemaker"], name: "SageMaker", kind: "tool" },
  { terms: ["ci/cd", "github actions", "jenkins", "gitlab ci"], name: "CI/CD", kind: "tool" },
  { terms: ["prometheus", "grafana", "datadog"], name: "monitoring (Prometheus/Grafana)", kind: "tool" },
  { terms: ["sql", "postgres", "postgresql", "mysql"], name: "SQL", kind: "tool", language: true },
  { terms: ["python"], name: "Python", kind: "tool", language: true },
  { terms: ["scala"], name: "Scala", kind: "tool", language: true },
  { terms: ["java"], name: "Java", kind: "tool", language: true },
  { terms: ["typescript", "javascript", "node.js"], name: "TypeScript", kind: "tool", language: true },
  { terms: ["pandas", "numpy"], name: "pandas", kind: "tool" },
  { terms: ["jax"], name: "JAX", kind: "tool" },
  { terms: ["kafka"], name: "Kafka", kind: "tool" },
  {
    terms: ["fine-tuning", "fine-tuned", "fine tuned", "finetuned", "lora"],
    name: "fine-tuning",
    kind: "technique",
    question: "How did you evaluate the fine-tuned model?",
  },
  {
    terms: ["rlhf", "reinforcement learning from human feedback"],
    name: "RLHF",
    kind: "technique",
    question: "How did you collect the preference data for RLHF, and how did you know it helped?",
  },
  {
    terms: ["rag", "retrieval-augmented", "retrieval augmented"],
    name: "RAG",
    kind: "technique",
    question: "How did you measure retrieval quality in your RAG system?",
  },
  {
    terms: ["a/b test", "a/b tests", "a/b testing", "ab test"],
    name: "A/B testing",
    kind: "technique",
    question: "How did you decide the A/B test's sample size and when to stop it?",
  },
  {
    terms: ["quantization", "quantized", "distillation"],
    name: "model compression",
    kind: "technique",
    question: "What accuracy did you trade for the speed-up, and how did you measure it?",
  },
  {
    terms: ["llm", "llms", "large language model", "chatbot", "gpt"],
    name: "LLMs",
    kind: "technique",
    question: "How did you evaluate the LLM's answers, and how did you handle hallucinations?",
  },
  {
    terms: ["monitoring", "drift"],
    name: "model monitoring",
    kind: "technique",
    question: "What did you monitor, and what happened when it alerted?",
  },
];
