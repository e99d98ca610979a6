"""The training texts of Qt-free tables, for Qt Linguist (generated: do not edit).

Written by ``tools/training_texts.py`` from the training settings, the tasks and
the datasets' registry; ``make translations`` regenerates it.  The window shows
these texts through :mod:`designer.ui.training.texts`.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

TEXTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(
        "Dataset",
        "1,797 real handwritten digits from scikit-learn, 1×8×8 pixels in [0, 1], classes 0-9.",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "A .npz archive with arrays x and y, or x_train, y_train and optionally x_test, y_test.",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "A CSV file with a header row; one column holds the labels, the others are features.",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "A folder holding train-images-idx3-ubyte and train-labels-idx1-ubyte (raw or .gz), and optionally the t10k-* test files.",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "A folder with one sub-folder of images (PNG, JPEG, …) per class.",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "A polynomial of the chosen degree with roots spread over [-0.8, 0.8], plus noise: one input, one target.",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "A small circle inside a large one in 2-D; no straight line separates them.",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "CIFAR-10 (binary version)",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Circles",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Class names",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Color",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Degree",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Degree of the polynomial",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Digits 28×28 (MNIST-shaped)",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Digits 8×8",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Factor",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Gaussian blobs",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Gaussian clusters, one per class.",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Horizon",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "How many samples to make",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "How often each arm winds round",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Image folder",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Images are resized to size×size",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Inner radius relative to the outer one",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Interleaved spiral arms in 2-D, one per class; needs a deeper network.",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Label column",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Layout",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Length",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "MNIST / Fashion-MNIST (IDX files)",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Majority token",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "N classes",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "N features",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "N samples",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Name or number (0 = first, -1 = last) of the label column; empty: a column named label/target/class/y, else the last",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Noise",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "NumPy arrays (.npz)",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Number of arms (classes)",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Number of clusters",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Number of different tokens",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Number of input features",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Optional comma-separated class names, e.g. for Fashion-MNIST",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Path",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Periods",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Points in the square [-1, 1]²; class 1 where the two coordinates have opposite signs. No single neuron can separate it.",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Polynomial",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Same seed, same data: change it for a new draw",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Seed",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Sequences of token ids; the class is the token that appears most often (never a tie).",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Sequences of token ids; the class says whether they are in ascending order. Half are sorted.",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Sine curve",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Sine forecasting",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Size",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Sorted or not",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Spirals",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Spread (standard deviation) of each cluster",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Standard deviation of the Gaussian noise added",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Steps ahead to predict",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Steps the model sees",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Table (CSV)",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Target",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Task",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "The .csv file",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "The .npz file",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "The cifar-10-batches-bin folder",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "The cifar-10-batches-bin folder: data_batch_1..5.bin and test_batch.bin.",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "The folder holding one sub-folder per class",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "The folder holding the IDX files",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "The same digits scaled into a 20×20 box centred in 28×28, as in MNIST, so MNIST models run unchanged.",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Tokens per sequence",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Turns",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Two interleaving half circles in 2-D; a curved boundary separates them.",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Two moons",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Vocab size",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Window",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "Windows of a noisy sum of three sines (N×window×1); predict the next values (N×horizon).",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "XOR",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "auto",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "auto: whole-number labels mean classification, other numbers regression",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "classification",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "flat",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "grayscale",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "grayscale: 1 channel; rgb: 3 channels",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "image",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "image: 1×H×W for convolutions; flat: one vector of H·W pixels for Dense layers",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "inputs",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "labels",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "labels: the digit 0-9 (classification); inputs: the image itself (autoencoders)",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "regression",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "rgb",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "x covers [-π·periods, π·periods]",
    ),
    QT_TRANSLATE_NOOP(
        "Dataset",
        "y = sin(x) + noise: one input, one target.",
    ),
    QT_TRANSLATE_NOOP(
        "Task",
        "Classification",
    ),
    QT_TRANSLATE_NOOP(
        "Task",
        "GAN (generator and discriminator)",
    ),
    QT_TRANSLATE_NOOP(
        "Task",
        "Numeric targets; reports the loss and the mean absolute error.",
    ),
    QT_TRANSLATE_NOOP(
        "Task",
        "One class label per sample; reports accuracy, per-class accuracy and a confusion matrix.",
    ),
    QT_TRANSLATE_NOOP(
        "Task",
        "One class label per sequence (e.g. of token ids); reports accuracy and a confusion matrix.",
    ),
    QT_TRANSLATE_NOOP(
        "Task",
        "Outputs reconstruction, mu and logvar; loss = reconstruction + β·KL. Shows reconstructions and digits decoded from random codes.",
    ),
    QT_TRANSLATE_NOOP(
        "Task",
        "Predict the next values of a sequence from a window of past ones; reports the error against repeating the last value, and plots forecasts against the truth.",
    ),
    QT_TRANSLATE_NOOP(
        "Task",
        "Reconstruction (autoencoder)",
    ),
    QT_TRANSLATE_NOOP(
        "Task",
        "Regression",
    ),
    QT_TRANSLATE_NOOP(
        "Task",
        "Sequence classification",
    ),
    QT_TRANSLATE_NOOP(
        "Task",
        "Sequence forecasting",
    ),
    QT_TRANSLATE_NOOP(
        "Task",
        "The target is the input itself; shows originals beside their reconstructions.",
    ),
    QT_TRANSLATE_NOOP(
        "Task",
        "Two networks named generator and discriminator, trained in turns; shows samples generated from a fixed batch of noise.",
    ),
    QT_TRANSLATE_NOOP(
        "Task",
        "Variational autoencoder",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Adam",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Adam is a good default; SGD with momentum for the classic recipe.",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "AdamW",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Apple GPU (MPS)",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Batch size",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Best available",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Binary cross-entropy (after a Sigmoid)",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Binary cross-entropy with logits",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "CPU",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "CUDA GPU",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "CUDA only: compute in bfloat16 where safe; faster on modern GPUs.",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Classification",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Constant",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Cosine annealing",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Cross-entropy",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Cross-entropy for classes (the network outputs raw scores); MSE/L1/Huber for numbers.",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Device",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Early stopping patience",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Epochs",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Fast mode",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "For SGD and RMSprop: how much of the previous step is kept.",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "GAN (generator and discriminator)",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "GAN only: the discriminator learns to call real samples 1 minus this; 0.1 steadies training.",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Gradient clipping",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "How the learning rate changes during the run.",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Huber",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "KL weight (β)",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "L2 penalty on the weights (decoupled for AdamW).",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "LR schedule",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Largest allowed gradient norm; 0 turns clipping off.",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Learning rate",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Loss",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Mean absolute error (L1)",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Mean squared error",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Mixed precision (bf16)",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Momentum",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Negative log-likelihood (after LogSoftmax)",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Nesterov momentum",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "On a CUDA GPU: data kept on the GPU, a batch of at least 512 with the learning rate scaled alike, bf16, channels_last, a fused optimizer and compiled steps. Whatever does not apply is skipped with a note.",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "One-cycle",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Optimizer",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Passes over the training data.",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "RMSprop",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Real-label smoothing",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Reconstruction (autoencoder)",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Regression",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "SGD",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "SGD only: look-ahead momentum.",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Same seed, same run (exactly, on the CPU).",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Samples per optimizer step.",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Seed",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Sequence classification",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Sequence forecasting",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Share of the training data held out for validation (unless the dataset brings its own).",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Step decay",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Step decay: multiply the learning rate by gamma every this many epochs.",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Step decay: the factor applied to the learning rate.",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Step every (epochs)",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Step factor (gamma)",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Step size of the optimizer. Typical: 1e-3 for Adam, 0.01–0.1 for SGD.",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Stop after this many epochs without a better validation loss; 0 turns it off.",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Task",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "VAE only: loss = reconstruction + β·KL. Above 1 gives smoother codes, below 1 sharper images.",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Validation split",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Variational autoencoder",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Weight decay",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "What the network learns: class labels, numbers, …",
    ),
    QT_TRANSLATE_NOOP(
        "TrainingSettings",
        "Where to train; Best available picks a GPU when there is one.",
    ),
)
